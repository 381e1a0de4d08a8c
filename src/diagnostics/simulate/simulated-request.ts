/**
 * The request `coffer simulate` asks about, built as the server would have it after
 * authentication: an S3Request with the headers, query parameters and connection facts the
 * `--context` keys come from, and an Authentication for the principal — signed with the given
 * scheme and signature age, or anonymous. Nothing is signed for real: the credential cannot sign.
 */
import { Readable } from 'node:stream';
import type { Authentication } from '../../auth/authentication.ts';
import type { SigningCredential } from '../../auth/credential-store.ts';
import type { Principal } from '../../auth/principal.ts';
import { QueryParams, RequestHeaders, type S3Request } from '../../s3/s3-request.ts';
import type { SimulatedFacts } from './parse-context.ts';

export const SIMULATED_ACCESS_KEY = 'ASIMULATEDREQUEST000';

export function simulatedAuthentication(principal: Principal, facts: SimulatedFacts, now: number): Authentication {
  if (principal.type === 'Anonymous') return { kind: 'anonymous', principal };
  const scheme = facts.scheme ?? 'v4-header';
  const credential: SigningCredential = {
    accessKeyId: SIMULATED_ACCESS_KEY,
    principal,
    // Role sessions are temporary credentials: aws:TokenIssueTime and MFA keys are present.
    ...(principal.type === 'AssumedRole' ? { issuedAt: now } : {}),
    signingKey: () => {
      throw new Error('a simulated credential cannot sign');
    },
    signV2: () => {
      throw new Error('a simulated credential cannot sign');
    },
  };
  return {
    kind: 'signed',
    scheme,
    principal,
    credential,
    signatureVersion: facts.signatureVersion ?? (scheme.startsWith('v2') ? 'AWS' : 'AWS4-HMAC-SHA256'),
    signedAt: now - (facts.signatureAgeMs ?? 0),
  };
}

export function simulatedRequest(target: { bucket: string | undefined; key: string | undefined }, facts: SimulatedFacts, now: number): S3Request {
  const headers = new Map<string, string[]>();
  for (const [name, value] of facts.headers) {
    // As node hands header values over: one character per byte of the UTF-8 text.
    const v = Buffer.from(value, 'utf8').toString('latin1');
    headers.set(name, [...(headers.get(name) ?? []), v]);
  }
  const path = target.bucket === undefined ? '/' : `/${target.bucket}${target.key === undefined ? '' : `/${encodeURIComponent(target.key)}`}`;
  return {
    id: 'SIMULATED0000000',
    hostId: 'simulated',
    method: 'GET',
    rawPath: path,
    rawQuery: facts.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'),
    query: new QueryParams(facts.query),
    headers: new RequestHeaders(headers),
    hostname: 'simulated',
    bucket: target.bucket,
    key: target.key,
    addressing: 'path',
    remoteAddress: facts.sourceIp ?? '',
    secure: facts.secure ?? false,
    tlsVersion: facts.tlsVersion,
    body: Readable.from([]),
    receivedAt: now,
  };
}
