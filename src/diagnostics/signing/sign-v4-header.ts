/**
 * SigV4 in the Authorization header (sigv4.md §3), for Coffer's own calls (`coffer admin`,
 * `coffer inspect --endpoint`): every given header is signed, plus host, x-amz-date,
 * x-amz-content-sha256 (the body's SHA-256) and x-amz-security-token. Built from the verifier's
 * steps, like presign-v4.ts.
 */
import { createHash } from 'node:crypto';
import { amzDate } from '../../lib/dates.ts';
import { canonicalHeaders } from '../../auth/sigv4/canonical-headers.ts';
import { canonicalQueryString } from '../../auth/sigv4/canonical-query-string.ts';
import { canonicalRequest } from '../../auth/sigv4/canonical-request.ts';
import { SCOPE_TERMINATOR, SIGV4_ALGORITHM } from '../../auth/sigv4/constants.ts';
import { deriveSigningKey } from '../../auth/sigv4/derive-signing-key.ts';
import { hmacSha256Hex } from '../../auth/sigv4/hmac-sha256.ts';
import { s3CanonicalUri } from '../../auth/sigv4/s3-canonical-uri.ts';
import { stringToSign } from '../../auth/sigv4/string-to-sign.ts';
import { RequestHeaders } from '../../s3/s3-request.ts';
import type { SigningCredentials } from './presign-v4.ts';

export interface SignV4HeaderInput {
  method: string;
  host: string;
  rawPath: string;
  rawQuery?: string;
  /** Lower-case names; signed. */
  headers?: Record<string, string>;
  body?: string;
  credentials: SigningCredentials;
  region: string;
  now: number;
}

/** The headers to send (host excluded: the HTTP client sets it, to the value signed here). */
export function signV4Headers(input: SignV4HeaderInput): Record<string, string> {
  const date = amzDate(input.now);
  const scope = `${date.slice(0, 8)}/${input.region}/s3/${SCOPE_TERMINATOR}`;
  const sent: Record<string, string> = {
    ...input.headers,
    'x-amz-date': date,
    'x-amz-content-sha256': createHash('sha256').update(input.body ?? '', 'utf8').digest('hex'),
  };
  if (input.credentials.sessionToken !== undefined) sent['x-amz-security-token'] = input.credentials.sessionToken;
  const all = { ...sent, host: input.host };
  const names = Object.keys(all).sort().join(';');
  const canonical = canonicalRequest({
    method: input.method,
    canonicalUri: s3CanonicalUri(input.rawPath),
    canonicalQuery: canonicalQueryString(input.rawQuery ?? ''),
    canonicalHeaders: canonicalHeaders(RequestHeaders.fromObject(all), names).text,
    signedHeaders: names,
    payloadHash: sent['x-amz-content-sha256']!,
  });
  const key = deriveSigningKey(input.credentials.secretAccessKey, date.slice(0, 8), input.region, 's3');
  const signature = hmacSha256Hex(key, stringToSign(date, scope, canonical));
  sent.authorization = `${SIGV4_ALGORITHM} Credential=${input.credentials.accessKeyId}/${scope}, SignedHeaders=${names}, Signature=${signature}`;
  return sent;
}
