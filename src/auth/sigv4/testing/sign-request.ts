/**
 * Test support: a small SigV4 signer assembled from the verifier's own canonicalisation steps.
 * It lets the AWS vectors run "forwards" (does each step produce AWS's canonical request, string
 * to sign and signature?) and lets error tests build validly signed requests to spoil one way at
 * a time. Independent checks of the steps are the AWS vectors and the smithy cross-check.
 */
import { createHmac } from 'node:crypto';
import { uriEncode } from '../../../lib/uri-encode.ts';
import { RequestHeaders } from '../../../s3/s3-request.ts';
import { canonicalHeaders } from '../canonical-headers.ts';
import { canonicalQueryString } from '../canonical-query-string.ts';
import { canonicalRequest } from '../canonical-request.ts';
import { SIGV4_ALGORITHM } from '../constants.ts';
import { deriveSigningKey } from '../derive-signing-key.ts';
import { stringToSign } from '../string-to-sign.ts';
import type { HeaderList, RequestSpec } from './make-request.ts';
import { headerNames } from './parse-raw-request.ts';

export interface SigningParams {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** Leave the session token out of what is signed (added after signing; AWS vector `omit_session_token`). */
  omitSessionToken?: boolean;
  region: string;
  service: string;
  /** `YYYYMMDDTHHMMSSZ`. */
  amzDate: string;
  /** Header form: sign with the request's Date header and send no X-Amz-Date (sigv4.md §3.2). */
  noAmzDateHeader?: boolean;
  canonicalUri: (rawPath: string) => string;
  payloadHash: string;
  /** Headers to sign (lower-case); default: every header of the request. */
  signedHeaders?: readonly string[];
}

export interface Signed {
  request: Required<Pick<RequestSpec, 'method' | 'target'>> & { headers: Array<[string, string]>; body?: RequestSpec['body'] };
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
}

/** Authorization-header form: adds X-Amz-Date (unless told not to), the token, and Authorization. */
export function signHeaders(spec: RequestSpec, p: SigningParams): Signed {
  const headers = headerPairs(spec.headers);
  if (p.noAmzDateHeader !== true) headers.push(['X-Amz-Date', p.amzDate]);
  if (p.sessionToken !== undefined && p.omitSessionToken !== true) headers.push(['X-Amz-Security-Token', p.sessionToken]);
  const { path, query } = splitTarget(spec.target);
  const signed = p.signedHeaders ?? headerNames(headers);
  const parts = sign(spec.method ?? 'GET', path, canonicalQueryString(query), headers, signed, p);
  if (p.sessionToken !== undefined && p.omitSessionToken === true) headers.push(['X-Amz-Security-Token', p.sessionToken]);
  const scope = scopeOf(p);
  headers.push([
    'Authorization',
    `${SIGV4_ALGORITHM} Credential=${p.accessKeyId}/${scope}, SignedHeaders=${signed.join(';')}, Signature=${parts.signature}`,
  ]);
  return { request: { method: spec.method ?? 'GET', target: spec.target, headers, body: spec.body }, ...parts };
}

/** Presigned (query) form: appends the X-Amz-* parameters and X-Amz-Signature to the target. */
export function presign(spec: RequestSpec, p: SigningParams & { expiresSeconds: number }): Signed {
  const headers = headerPairs(spec.headers);
  const { path, query } = splitTarget(spec.target);
  const signed = p.signedHeaders ?? headerNames(headers);
  const params: Array<[string, string]> = [
    ['X-Amz-Algorithm', SIGV4_ALGORITHM],
    ['X-Amz-Credential', `${p.accessKeyId}/${scopeOf(p)}`],
    ['X-Amz-Date', p.amzDate],
    ['X-Amz-SignedHeaders', signed.join(';')],
    ['X-Amz-Expires', String(p.expiresSeconds)],
  ];
  if (p.sessionToken !== undefined && p.omitSessionToken !== true) params.push(['X-Amz-Security-Token', p.sessionToken]);
  let signedQuery = query;
  for (const [n, v] of params) signedQuery += (signedQuery === '' ? '' : '&') + n + '=' + uriEncode(v, false);
  const parts = sign(spec.method ?? 'GET', path, canonicalQueryString(signedQuery), headers, signed, p);
  let finalQuery = signedQuery;
  if (p.sessionToken !== undefined && p.omitSessionToken === true) finalQuery += '&X-Amz-Security-Token=' + uriEncode(p.sessionToken, false);
  finalQuery += '&X-Amz-Signature=' + parts.signature;
  return { request: { method: spec.method ?? 'GET', target: path + '?' + finalQuery, headers, body: spec.body }, ...parts };
}

function sign(
  method: string,
  path: string,
  canonicalQuery: string,
  headers: HeaderList,
  signed: readonly string[],
  p: SigningParams,
): Omit<Signed, 'request'> {
  const canonical = canonicalRequest({
    method,
    canonicalUri: p.canonicalUri(path),
    canonicalQuery,
    canonicalHeaders: canonicalHeaders(toRequestHeaders(headers), signed.join(';')).text,
    signedHeaders: signed.join(';'),
    payloadHash: p.payloadHash,
  });
  const toSign = stringToSign(p.amzDate, scopeOf(p), canonical);
  const key = deriveSigningKey(p.secretAccessKey, p.amzDate.slice(0, 8), p.region, p.service);
  return { canonicalRequest: canonical, stringToSign: toSign, signature: createHmac('sha256', key).update(toSign, 'latin1').digest('hex') };
}

function scopeOf(p: SigningParams): string {
  return `${p.amzDate.slice(0, 8)}/${p.region}/${p.service}/aws4_request`;
}

function headerPairs(headers: RequestSpec['headers']): Array<[string, string]> {
  const list: HeaderList = Array.isArray(headers) ? headers : Object.entries(headers ?? {});
  return list.map(([n, v]) => [n, v]);
}

/** Values as node delivers them (latin1 byte strings), like makeRequest. */
function toRequestHeaders(headers: HeaderList): RequestHeaders {
  const map = new Map<string, string[]>();
  for (const [n, v] of headers) {
    const key = n.toLowerCase();
    const bytes = Buffer.from(v, 'utf8').toString('latin1');
    map.set(key, [...(map.get(key) ?? []), bytes]);
  }
  return new RequestHeaders(map);
}

function splitTarget(target: string): { path: string; query: string } {
  const q = target.indexOf('?');
  return q === -1 ? { path: target, query: '' } : { path: target.slice(0, q), query: target.slice(q + 1) };
}
