/**
 * CORS headers on actual requests (../shared/spec/s3-core.md §10.3): added when Origin and the
 * method match a rule, on success and error responses alike; otherwise the response is
 * untouched; no work at all without Origin; never a refusal.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { S3Response } from '../s3-response.ts';
import { applyCorsHeaders } from './apply-cors-headers.ts';
import { bucketRecord, corsDeps, corsRequest, rule } from './testing/cors-fixtures.ts';

const CONFIGS = {
  photos: {
    rules: [
      rule({ allowedOrigins: ['https://app.test'], allowedMethods: ['GET', 'PUT'], allowedHeaders: ['*'], exposeHeaders: ['ETag'], maxAgeSeconds: 300 }),
      rule({ allowedOrigins: ['*'], allowedMethods: ['HEAD'] }),
    ],
  },
};
const OK: S3Response = { status: 200, headers: { etag: '"abc"', 'content-type': 'text/plain' }, body: 'hi' };
const DENIED: S3Response = { status: 403, headers: { 'content-type': 'application/xml' }, body: '<Error/>' };
const APP = { origin: 'https://app.test' };

const FOR_APP = {
  'access-control-allow-origin': 'https://app.test',
  'access-control-allow-credentials': 'true',
  'access-control-allow-methods': 'GET, PUT',
  'access-control-expose-headers': 'ETag',
  'access-control-max-age': '300',
  vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
};

describe('applyCorsHeaders', () => {
  it('a matching origin and method: the rule headers join the response (never Allow-Headers)', async () => {
    const { deps } = corsDeps(CONFIGS);
    const req = corsRequest('GET', '/photos/cat.jpg', { ...APP, 'access-control-request-headers': 'x-amz-date' });
    const out = await applyCorsHeaders(req, bucketRecord('photos'), OK, deps);
    assert.deepEqual(out, { ...OK, headers: { ...OK.headers, ...FOR_APP } });
    assert.deepEqual(OK.headers, { etag: '"abc"', 'content-type': 'text/plain' }, 'the handler response is not mutated');
  });

  it('error responses get them too: a page must see its 403', async () => {
    const { deps } = corsDeps(CONFIGS);
    const out = await applyCorsHeaders(corsRequest('PUT', '/photos/k', APP), bucketRecord('photos'), DENIED, deps);
    assert.equal(out.status, 403);
    assert.deepEqual(out.headers, { ...DENIED.headers, ...FOR_APP });
  });

  it('looks the configuration up by the addressed bucket when the pipeline resolved none', async () => {
    const { deps } = corsDeps(CONFIGS);
    const out = await applyCorsHeaders(corsRequest('GET', '/photos/k', APP), undefined, DENIED, deps);
    assert.equal(out.headers['access-control-allow-origin'], 'https://app.test');
  });

  it('a `*` rule: Allow-Origin `*`, no credentials', async () => {
    const { deps } = corsDeps(CONFIGS);
    const out = await applyCorsHeaders(corsRequest('HEAD', '/photos/k', { origin: 'https://elsewhere.test' }), bucketRecord('photos'), OK, deps);
    assert.equal(out.headers['access-control-allow-origin'], '*');
    assert.equal(out.headers['access-control-allow-credentials'], undefined);
    assert.equal(out.headers['access-control-allow-methods'], 'HEAD');
  });

  const UNCHANGED: Array<[name: string, method: string, path: string, headers: Record<string, string>, lookups: number]> = [
    ['no Origin: not a CORS request, and no lookup', 'GET', '/photos/k', {}, 0],
    ['an empty Origin is no Origin', 'GET', '/photos/k', { origin: '' }, 0],
    ['OPTIONS: the preflight handler answered', 'OPTIONS', '/photos/k', APP, 0],
    ['the service (no bucket)', 'GET', '/', APP, 0],
    ['an origin no rule allows', 'GET', '/photos/k', { origin: 'https://evil.test' }, 1],
    ['a method the origin is not allowed', 'DELETE', '/photos/k', APP, 1],
    ['POST from the app: not in its rule', 'POST', '/photos', APP, 1],
    ['a bucket without CORS configuration', 'GET', '/other/k', APP, 1],
  ];
  for (const [name, method, path, headers, lookups] of UNCHANGED) {
    it(`unchanged: ${name}`, async () => {
      const { deps, state } = corsDeps(CONFIGS);
      const req = corsRequest(method, path, headers);
      const out = await applyCorsHeaders(req, req.bucket ? bucketRecord(req.bucket) : undefined, OK, deps);
      assert.equal(out, OK);
      assert.equal(state.lookups, lookups);
    });
  }

  it('a failed lookup leaves the response as decided, and is logged', async () => {
    const { deps, state } = corsDeps(CONFIGS, { failLookups: true });
    const out = await applyCorsHeaders(corsRequest('GET', '/photos/k', APP), bucketRecord('photos'), OK, deps);
    assert.equal(out, OK);
    assert.equal(state.warnings, 1);
  });
});
