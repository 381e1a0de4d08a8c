/**
 * Verifies an inspected request's signature with a known secret, offline, through the server's
 * own verifier — at the request's own signing time and for its own region, so that an expired
 * URL or a wrong region does not hide whether the signature itself is right. Shows the canonical
 * request and string to sign, and on a mismatch tries the usual suspects (request-variants.ts):
 * a variant that verifies is a confirmed cause.
 */
import { createHmac } from 'node:crypto';
import { deriveSigningKey } from '../../auth/sigv4/derive-signing-key.ts';
import { hmacSha256Hex } from '../../auth/sigv4/hmac-sha256.ts';
import { isSignedHeader } from '../../auth/sigv4/is-signed-header.ts';
import { stringToSign } from '../../auth/sigv4/string-to-sign.ts';
import type { S3Request } from '../../s3/s3-request.ts';
import type { RequestParts } from './build-request.ts';
import type { DecodedSignature } from './decode-signature.ts';
import type { MismatchCause, SignatureCheck } from './inspection.ts';
import { OfflineCredentialStore } from './offline-credential-store.ts';
import { hostHeader, requestVariants } from './request-variants.ts';
import { runAuthenticate, toAwsError, type AuthRun } from './run-authenticate.ts';

export interface SignatureCheckContext {
  secret: string;
  secretSource: string;
  build(parts: RequestParts): S3Request;
  maxSkewMs: number;
  /** Other hosts the request may have been signed for (the --endpoint host). */
  alternativeHosts: readonly string[];
  /** Used when the request carries no usable time of its own. */
  now: number;
}

export async function checkSignature(parts: RequestParts, d: DecodedSignature, ctx: SignatureCheckContext): Promise<SignatureCheck> {
  const store = new OfflineCredentialStore(ctx.secret);
  const verify = (p: RequestParts): Promise<AuthRun> =>
    runAuthenticate(ctx.build(p), {
      credentials: store,
      // Inside the request's own validity window: only the signature can fail on time-independent grounds.
      now: signingTime(d) ?? ctx.now,
      region: d.scope?.region ?? 'us-east-1',
      maxSkewMs: ctx.maxSkewMs,
      sigv2: true,
    });
  const run = await verify(parts);
  const provided = d.signature ?? '';
  const base = { secretSource: ctx.secretSource, provided, causes: [] as MismatchCause[] };

  if (run.kind === 'accepted') {
    const seed = run.auth.kind === 'signed' ? run.auth.seed : undefined;
    if (seed !== undefined) {
      return { ...base, matches: true, canonicalRequest: seed.canonicalRequest, stringToSign: stringToSign(seed.amzDate, seed.scopeString, seed.canonicalRequest), computed: seed.signature };
    }
    const signed = store.signedV2.find((s) => s.signature === provided) ?? store.signedV2[0];
    return { ...base, matches: true, stringToSign: signed?.message ?? '', computed: signed?.signature };
  }
  if (run.kind === 'secret-needed' || run.error.code !== 'SignatureDoesNotMatch') {
    const blockedBy = run.kind === 'refused' ? toAwsError(run.error) : undefined;
    return { ...base, matches: false, stringToSign: '', ...(blockedBy ? { blockedBy } : {}) };
  }

  const fields = Object.fromEntries(run.error.fields);
  const toSign = fields.StringToSign ?? '';
  const canonical = fields.CanonicalRequest;
  const computed = canonical !== undefined && d.scope !== undefined ? v4Signature(ctx.secret, d.scope, toSign) : store.signedV2[0]?.signature ?? v2Signature(ctx.secret, toSign);
  const causes = await mismatchCauses(parts, d, ctx, verify);
  return { ...base, matches: false, ...(canonical !== undefined ? { canonicalRequest: canonical } : {}), stringToSign: toSign, computed, causes };
}

async function mismatchCauses(
  parts: RequestParts,
  d: DecodedSignature,
  ctx: SignatureCheckContext,
  verify: (p: RequestParts) => Promise<AuthRun>,
): Promise<MismatchCause[]> {
  const confirmed: MismatchCause[] = [];
  for (const variant of requestVariants(parts, d, { alternativeHosts: ctx.alternativeHosts })) {
    if ((await verify(variant.parts)).kind === 'accepted' && !confirmed.some((c) => c.id === variant.cause)) {
      confirmed.push({ id: variant.cause, confirmed: true, message: variant.message });
    }
  }
  if (confirmed.length > 0) return confirmed;

  const suspects: MismatchCause[] = [];
  const sent = new Set(parts.headers.map(([n]) => n.toLowerCase()));
  const signed = (d.signedHeaders ?? '').split(';').filter((n) => n !== '' && n !== 'host');
  const missing = signed.filter((n) => !sent.has(n));
  if (missing.length > 0) {
    suspects.push({ id: 'signed-header-missing', confirmed: false, message: `Signed but not sent: ${missing.join(', ')}. Send ${missing.length === 1 ? 'it' : 'them'} with exactly the value${missing.length === 1 ? '' : 's'} used when signing.` });
  }
  const present = signed.filter((n) => sent.has(n));
  if (present.length > 0) {
    suspects.push({ id: 'signed-header-values', confirmed: false, message: `These signed headers must reach the server with exactly the values that were signed: ${present.join(', ')} (a proxy or HTTP client that changes one breaks the signature).` });
  }
  if (d.signedHeaders !== undefined && !isSignedHeader(d.signedHeaders, 'content-type') && sent.has('content-type') && d.scheme === 'sigv4-header') {
    suspects.push({ id: 'signed-header-values', confirmed: false, message: 'content-type is sent but not signed: harmless for SigV4, but check the signer saw the same headers the client sends.' });
  }
  suspects.push({
    id: 'host',
    confirmed: false,
    message: `The signature covers the Host header: the server must receive exactly the host the request was signed for. If it goes through a proxy, load balancer or port mapping, check that the host it was signed for is "${hostHeader(parts)}".`,
  });
  suspects.push({
    id: 'wrong-secret',
    confirmed: false,
    message: `No change to the method, host, path, query or headers reproduces the signature: most likely ${d.accessKeyId ?? 'the access key'} was signed with a different secret than the one given (${ctx.secretSource}) — or the request changed in a way that cannot be guessed (a signed header value, the payload hash).`,
  });
  return suspects;
}

/** When the request says it was signed (or, for SigV2 URLs, just before it expires). */
function signingTime(d: DecodedSignature): number | undefined {
  if (d.scheme === 'sigv2-query') return d.expiresAt === undefined ? undefined : d.expiresAt - 1000;
  return d.signedAt;
}

function v4Signature(secret: string, scope: { date: string; region: string; service: string }, toSign: string): string {
  return hmacSha256Hex(deriveSigningKey(secret, scope.date, scope.region, scope.service), toSign);
}

function v2Signature(secret: string, toSign: string): string {
  return createHmac('sha1', secret).update(toSign, 'utf8').digest('base64');
}
