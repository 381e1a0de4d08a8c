/**
 * What the CORS end-to-end tests share: AWS's texts, and reading the CORS headers and error
 * fields of a raw response.
 */
import assert from 'node:assert/strict';
import { errorFields, type RawResponse } from './raw-request.ts';

export const VARY = 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method';
export const MALFORMED = 'The XML you provided was not well-formed or did not validate against our published schema';
export const NOT_ALLOWED =
  "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.";

const CORS_HEADERS = [
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-expose-headers',
  'access-control-max-age',
  'vary',
];

/** The CORS headers of a response, absent ones left out. */
export function corsHeadersOf(res: RawResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of CORS_HEADERS) if (res.headers[name] !== undefined) out[name] = String(res.headers[name]);
  return out;
}

/** The status and the <Error> children between Code and RequestId, in order. */
export function assertRawError(res: RawResponse, status: number, fields: Array<[string, string]>): void {
  assert.equal(res.status, status, res.body);
  assert.deepEqual(
    errorFields(res.body).filter(([n]) => n !== 'RequestId' && n !== 'HostId'),
    fields,
  );
}
