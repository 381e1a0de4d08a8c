/**
 * The preflight's rules in S3's order, with exact codes, messages and fields
 * (../shared/spec/s3-core.md §10.2), and the headers of a match (§10.3).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RequestPayload } from '../../../auth/authentication.ts';
import type { BucketRecord } from '../../../storage/types.ts';
import { S3Error } from '../../errors/s3-error.ts';
import { bucketRecord, corsDeps, corsRequest, rule } from '../../cors/testing/cors-fixtures.ts';
import type { HandlerContext } from '../handler-context.ts';
import { preflightRequest } from './preflight-request.ts';

const CONFIGS = {
  site: {
    rules: [
      rule({ id: 'app', allowedOrigins: ['https://app.test'], allowedMethods: ['PUT', 'POST'], allowedHeaders: ['Content-Type', 'x-amz-*'], exposeHeaders: ['ETag'], maxAgeSeconds: 600 }),
      rule({ id: 'read', allowedOrigins: ['*'], allowedMethods: ['GET'] }),
    ],
  },
};
const BUCKETS: Record<string, BucketRecord> = { site: bucketRecord('site'), bare: bucketRecord('bare') };
const NOT_ALLOWED =
  "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.";

async function preflight(path: string, headers: Record<string, string>) {
  const req = corsRequest('OPTIONS', path, headers);
  const { deps } = corsDeps(CONFIGS);
  const ctx = { req, bucket: BUCKETS[req.bucket!], deps, xml: undefined, auth: undefined, payload: undefined as unknown as RequestPayload };
  return preflightRequest(ctx as unknown as HandlerContext);
}

async function refusal(path: string, headers: Record<string, string>) {
  try {
    await preflight(path, headers);
  } catch (e) {
    assert.ok(e instanceof S3Error);
    return { status: e.status, code: e.code, message: e.message, fields: Object.fromEntries(e.fields) };
  }
  assert.fail('expected a refusal');
}

const O = 'https://app.test';
const REFUSED: Array<[name: string, path: string, headers: Record<string, string>, expected: Awaited<ReturnType<typeof refusal>>]> = [
  ['1. no Origin', '/site/k', { 'access-control-request-method': 'PUT' }, { status: 400, code: 'BadRequest', message: 'Insufficient information. Origin request header needed.', fields: {} }],
  ['1. an empty Origin', '/site/k', { origin: '', 'access-control-request-method': 'PUT' }, { status: 400, code: 'BadRequest', message: 'Insufficient information. Origin request header needed.', fields: {} }],
  ['1. before a missing bucket', '/nope', {}, { status: 400, code: 'BadRequest', message: 'Insufficient information. Origin request header needed.', fields: {} }],
  ['2. no bucket', '/nope/k', { origin: O, 'access-control-request-method': 'PUT' }, { status: 403, code: 'AccessForbidden', message: 'CORSResponse: Bucket not found', fields: { Method: 'PUT', ResourceType: 'BUCKET' } }],
  ['2. no bucket, no requested method: Method is OPTIONS', '/nope', { origin: O }, { status: 403, code: 'AccessForbidden', message: 'CORSResponse: Bucket not found', fields: { Method: 'OPTIONS', ResourceType: 'BUCKET' } }],
  ['3. no configuration', '/bare/k', { origin: O, 'access-control-request-method': 'GET' }, { status: 403, code: 'AccessForbidden', message: 'CORSResponse: CORS is not enabled for this bucket.', fields: { Method: 'GET', ResourceType: 'BUCKET' } }],
  ['3. no configuration, no requested method', '/bare', { origin: O }, { status: 403, code: 'AccessForbidden', message: 'CORSResponse: CORS is not enabled for this bucket.', fields: { Method: 'OPTIONS', ResourceType: 'BUCKET' } }],
  ['5. origin not allowed (object path)', '/site/k', { origin: 'https://evil.test', 'access-control-request-method': 'PUT' }, { status: 403, code: 'AccessForbidden', message: NOT_ALLOWED, fields: { Method: 'PUT', ResourceType: 'OBJECT' } }],
  ['5. method not allowed (bucket path)', '/site', { origin: O, 'access-control-request-method': 'DELETE' }, { status: 403, code: 'AccessForbidden', message: NOT_ALLOWED, fields: { Method: 'DELETE', ResourceType: 'BUCKET' } }],
  ['5. a header not allowed', '/site/k', { origin: O, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type,x-custom' }, { status: 403, code: 'AccessForbidden', message: NOT_ALLOWED, fields: { Method: 'PUT', ResourceType: 'OBJECT' } }],
  ['5. a header on the `*` rule, which allows none', '/site/k', { origin: 'https://x.test', 'access-control-request-method': 'GET', 'access-control-request-headers': 'range' }, { status: 403, code: 'AccessForbidden', message: NOT_ALLOWED, fields: { Method: 'GET', ResourceType: 'OBJECT' } }],
  ['5. no requested method', '/site/k', { origin: O }, { status: 403, code: 'AccessForbidden', message: NOT_ALLOWED, fields: { Method: 'OPTIONS', ResourceType: 'OBJECT' } }],
];

describe('preflightRequest', () => {
  for (const [name, path, headers, expected] of REFUSED) {
    it(`refuses — ${name}`, async () => {
      assert.deepEqual(await refusal(path, headers), expected);
    });
  }

  it('6. a match: 200, no body, no Content-Type, the rule headers with the requested ones lower-cased', async () => {
    const res = await preflight('/site/photo.jpg', { origin: O, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'Content-Type,X-Amz-Date' });
    assert.deepEqual(res, {
      status: 200,
      headers: {
        'access-control-allow-origin': O,
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': 'PUT, POST',
        'access-control-allow-headers': 'content-type, x-amz-date',
        'access-control-expose-headers': 'ETag',
        'access-control-max-age': '600',
        vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
      },
    });
  });

  it('6. a `*` rule on the bucket path: Allow-Origin `*`, no credentials, no Allow-Headers', async () => {
    const res = await preflight('/site', { origin: 'https://x.test', 'access-control-request-method': 'GET' });
    assert.deepEqual(res.headers, {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET',
      vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
    });
  });
});
