/**
 * `POST /.coffer/inspect`: what this server would answer to a request right now, and why.
 *
 * Why this is safe to answer to anyone: it reveals only what sending the request itself reveals.
 * The outcome is the error document the S3 endpoint would send (SignatureDoesNotMatch included,
 * with the canonical request AWS also echoes); the clock is in every response's Date header;
 * whether a key exists and is active is what InvalidAccessKeyId vs SignatureDoesNotMatch already
 * tells anyone who sends a fresh request with that key id (the key lookup precedes the signature,
 * errors.md §9.1). Two things go further, so they need more:
 *
 * - an *inactive* key is reported as `unknown` (AWS answers InvalidAccessKeyId for both), and
 * - a temporary credential's expiry is given only when the request authenticates (its holder can
 *   use it until then anyway),
 *
 * unless the inspect call itself is signed by an account root (`disclosure: 'account-root'`), who
 * administers the keys. Secrets never leave the credential store.
 */
import { isCredentialFailure, type CredentialFailure, type CredentialStore } from '../../auth/credential-store.ts';
import { isoSeconds } from '../../lib/dates.ts';
import { formatOffset } from '../../lib/format-duration.ts';
import type { S3Request } from '../../s3/s3-request.ts';
import { decodeSignature } from './decode-signature.ts';
import { runAuthenticate, toAwsError } from './run-authenticate.ts';
import type { ServerInspection } from './server-inspection.ts';

export interface ServerInspectDeps {
  credentials: CredentialStore;
  now: number;
  clockOffsetMs: number;
  /** The region this request must be signed for: its bucket's, else the endpoint's. */
  region: string;
  maxSkewMs: number;
  sigv2: boolean;
  disclosure: ServerInspection['disclosure'];
}

export async function inspectOnServer(req: S3Request, deps: ServerInspectDeps): Promise<ServerInspection> {
  const { now } = deps;
  const run = await runAuthenticate(req, { credentials: deps.credentials, now, region: deps.region, maxSkewMs: deps.maxSkewMs, sigv2: deps.sigv2 });
  const outcome: ServerInspection['outcome'] =
    run.kind === 'accepted'
      ? { accepted: true, principal: run.auth.kind === 'signed' ? run.auth.principal.arn : 'anonymous', scheme: run.auth.kind === 'signed' ? run.auth.scheme : 'anonymous' }
      : { accepted: false, error: run.kind === 'refused' ? toAwsError(run.error) : { status: 500, code: 'InternalError', message: 'secret unavailable', fields: {} } };

  const decoded = decodeSignature(req);
  const full = deps.disclosure === 'account-root' || outcome.accepted;
  let accessKey: ServerInspection['accessKey'];
  let credentialExpiry: number | undefined;
  if (decoded.accessKeyId !== undefined && decoded.accessKeyId !== '') {
    const resolved = await deps.credentials.resolve(decoded.accessKeyId, decoded.sessionToken, now);
    const temporary = decoded.sessionToken !== undefined || decoded.accessKeyId.startsWith('ASIA');
    if (isCredentialFailure(resolved)) {
      accessKey = { id: decoded.accessKeyId, temporary, ...keyStatus(resolved, deps.disclosure) };
    } else {
      credentialExpiry = full ? resolved.expiresAt : undefined;
      accessKey = {
        id: decoded.accessKeyId,
        status: 'active',
        temporary: temporary || resolved.expiresAt !== undefined,
        ...(credentialExpiry === undefined ? {} : { expiresAt: isoSeconds(credentialExpiry) }),
      };
    }
  }

  const urlExpiry = decoded.scheme === 'sigv4-query' || decoded.scheme === 'sigv2-query' ? decoded.expiresAt : undefined;
  const effective = earliest(urlExpiry, credentialExpiry);
  return {
    clock: { now: isoSeconds(now), offsetMs: deps.clockOffsetMs, offset: formatOffset(deps.clockOffsetMs) },
    region: deps.region,
    ...(req.bucket === undefined ? {} : { bucket: req.bucket }),
    outcome,
    ...(accessKey === undefined ? {} : { accessKey }),
    expiry: {
      ...(urlExpiry === undefined ? {} : { url: isoSeconds(urlExpiry) }),
      ...(credentialExpiry === undefined ? {} : { credential: isoSeconds(credentialExpiry) }),
      ...(effective === undefined
        ? {}
        : { effective: isoSeconds(effective.at), decidedBy: effective.by, secondsRemaining: Math.floor((effective.at - now) / 1000) }),
    },
    disclosure: deps.disclosure,
  };
}

/**
 * A key that does not resolve, as far as the caller may know (see the file comment): sending a
 * request answers InvalidAccessKeyId for unknown, inactive and token-less session keys alike, and
 * ExpiredToken / InvalidToken for a known session with a bad token.
 */
function keyStatus(failure: CredentialFailure, disclosure: ServerInspection['disclosure']): Pick<NonNullable<ServerInspection['accessKey']>, 'status' | 'problem'> {
  switch (failure.failure) {
    case 'token-expired':
    case 'token-malformed':
      return { status: 'active', problem: failure.failure };
    case 'unknown-key':
      return { status: 'unknown' };
    default:
      if (disclosure !== 'account-root') return { status: 'unknown' };
      if (failure.failure === 'inactive-key') return { status: 'inactive' };
      if (failure.failure === 'principal-deleted') return { status: 'inactive', problem: failure.failure };
      return { status: 'active', problem: failure.failure };
  }
}

function earliest(url: number | undefined, credential: number | undefined): { at: number; by: 'url' | 'credential' } | undefined {
  if (url === undefined) return credential === undefined ? undefined : { at: credential, by: 'credential' };
  if (credential === undefined || url <= credential) return { at: url, by: 'url' };
  return { at: credential, by: 'credential' };
}
