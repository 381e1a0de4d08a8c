/**
 * CORS requests end to end (../shared/spec/s3-core.md §10.2, §10.3): raw OPTIONS preflights
 * and actual requests with an Origin against a bucket configured through the AWS SDK —
 * status, codes, messages, fields and exact header values, including the CORS headers on 403
 * and 404 answers that a page on another origin must be able to read. Configuration
 * operations: cors-configuration.test.ts.
 */
import { CreateBucketCommand, PutBucketCorsCommand, S3Client, type CORSRule } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { NOT_ALLOWED, VARY, assertRawError, corsHeadersOf } from './cors-fixtures.ts';
import { startTestCoffer, type TestCoffer } from './harness.ts';
import { rawRequest, type RawRequest } from './raw-request.ts';

const SITE = 'cors-site'; // configured in `before`
const BARE = 'cors-bare'; // never configured
const APP = 'https://app.example.com';

/** What a browser page on APP needs: PUT/POST with any headers (the SDK's included), ETag readable. */
const SITE_RULES: CORSRule[] = [
  {
    ID: 'app-writes',
    AllowedOrigins: [APP],
    AllowedMethods: ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'],
    AllowedHeaders: ['*'],
    ExposeHeaders: ['ETag', 'x-amz-request-id'],
    MaxAgeSeconds: 3000,
  },
  { ID: 'subdomains', AllowedOrigins: ['http://*.origin.com'], AllowedMethods: ['GET'], AllowedHeaders: ['Content-Type', 'X-Amz-*'] },
  { AllowedOrigins: ['*'], AllowedMethods: ['GET', 'HEAD'] },
];

/** The headers of the first rule (APP's) on an actual request. */
const APP_HEADERS = {
  'access-control-allow-origin': APP,
  'access-control-allow-credentials': 'true',
  'access-control-allow-methods': 'GET, PUT, POST, DELETE, HEAD',
  'access-control-expose-headers': 'ETag, x-amz-request-id',
  'access-control-max-age': '3000',
  vary: VARY,
};

describe('CORS requests', () => {
  let t: TestCoffer;
  let s3: S3Client;
  const raw = (r: RawRequest) => rawRequest(t.endpoint, r);
  const signed = (r: Omit<RawRequest, 'sign'>) => rawRequest(t.endpoint, { ...r, sign: t.credentials });
  const preflight = (path: string, headers: Record<string, string>) => raw({ method: 'OPTIONS', path, headers });

  before(async () => {
    t = await startTestCoffer();
    s3 = t.s3();
    await s3.send(new CreateBucketCommand({ Bucket: SITE }));
    await s3.send(new CreateBucketCommand({ Bucket: BARE }));
    await s3.send(new PutBucketCorsCommand({ Bucket: SITE, CORSConfiguration: { CORSRules: SITE_RULES } }));
    await signed({ method: 'PUT', path: `/${SITE}/hello.txt`, body: 'hello' });
  });
  after(() => t.stop());

  describe('preflight (OPTIONS)', () => {
    it('1. without Origin: 400 BadRequest', async () => {
      const res = await preflight(`/${SITE}/hello.txt`, { 'access-control-request-method': 'PUT' });
      assertRawError(res, 400, [
        ['Code', 'BadRequest'],
        ['Message', 'Insufficient information. Origin request header needed.'],
      ]);
      assert.deepEqual(corsHeadersOf(res), {});
    });

    it('2. to a missing bucket: 403 AccessForbidden "Bucket not found"', async () => {
      assertRawError(await preflight('/cors-none/k', { origin: APP, 'access-control-request-method': 'PUT' }), 403, [
        ['Code', 'AccessForbidden'],
        ['Message', 'CORSResponse: Bucket not found'],
        ['Method', 'PUT'],
        ['ResourceType', 'BUCKET'],
      ]);
      assertRawError(await preflight('/cors-none', { origin: APP }), 403, [
        ['Code', 'AccessForbidden'],
        ['Message', 'CORSResponse: Bucket not found'],
        ['Method', 'OPTIONS'],
        ['ResourceType', 'BUCKET'],
      ]);
    });

    it('3. to a bucket without configuration: 403 AccessForbidden "CORS is not enabled"', async () => {
      const res = await preflight(`/${BARE}/k`, { origin: APP, 'access-control-request-method': 'GET' });
      assertRawError(res, 403, [
        ['Code', 'AccessForbidden'],
        ['Message', 'CORSResponse: CORS is not enabled for this bucket.'],
        ['Method', 'GET'],
        ['ResourceType', 'BUCKET'],
      ]);
      assert.deepEqual(corsHeadersOf(res), {});
    });

    it('5. no rule matches: 403 AccessForbidden, ResourceType OBJECT or BUCKET by path', async () => {
      const cases: Array<[path: string, headers: Record<string, string>, method: string, resourceType: string]> = [
        [`/${SITE}/hello.txt`, { origin: 'https://evil.test', 'access-control-request-method': 'PUT' }, 'PUT', 'OBJECT'],
        [`/${SITE}`, { origin: 'https://evil.test', 'access-control-request-method': 'POST' }, 'POST', 'BUCKET'],
        [`/${SITE}/hello.txt`, { origin: 'http://test.origin.com/', 'access-control-request-method': 'DELETE' }, 'DELETE', 'OBJECT'],
        [`/${SITE}/hello.txt`, { origin: 'http://test.origin.com', 'access-control-request-method': 'GET', 'access-control-request-headers': 'content-type,range' }, 'GET', 'OBJECT'],
        [`/${SITE}/hello.txt`, { origin: 'https://evil.test', 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-amz-date' }, 'GET', 'OBJECT'],
      ];
      for (const [path, headers, method, resourceType] of cases) {
        const res = await preflight(path, headers);
        assertRawError(res, 403, [
          ['Code', 'AccessForbidden'],
          ['Message', NOT_ALLOWED],
          ['Method', method],
          ['ResourceType', resourceType],
        ]);
        assert.deepEqual(corsHeadersOf(res), {}, `${path} ${JSON.stringify(headers)}`);
      }
    });

    it("6. a browser's PUT preflight: 200, empty, the rule's headers, requested headers lower-cased", async () => {
      const res = await preflight(`/${SITE}/upload.bin`, {
        origin: APP,
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'Authorization,Content-Type,X-Amz-Date,x-amz-content-sha256,x-amz-checksum-crc32,amz-sdk-request',
      });
      assert.equal(res.status, 200);
      assert.equal(res.body, '');
      assert.equal(res.headers['content-length'], '0');
      assert.equal(res.headers['content-type'], undefined);
      assert.ok(res.headers['x-amz-request-id']);
      assert.deepEqual(corsHeadersOf(res), {
        ...APP_HEADERS,
        'access-control-allow-headers': 'authorization, content-type, x-amz-date, x-amz-content-sha256, x-amz-checksum-crc32, amz-sdk-request',
      });
    });

    it('6. a POST preflight on the bucket (browser form uploads)', async () => {
      const res = await preflight(`/${SITE}`, { origin: APP, 'access-control-request-method': 'POST' });
      assert.equal(res.status, 200);
      assert.deepEqual(corsHeadersOf(res), APP_HEADERS);
    });

    it('6. a wildcard origin and case-insensitive header globs', async () => {
      const res = await preflight(`/${SITE}/hello.txt`, {
        origin: 'http://test.origin.com',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'content-type, X-AMZ-DATE',
      });
      assert.equal(res.status, 200);
      assert.deepEqual(corsHeadersOf(res), {
        'access-control-allow-origin': 'http://test.origin.com',
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': 'GET',
        'access-control-allow-headers': 'content-type, x-amz-date',
        vary: VARY,
      });
    });

    it('6. a `*` rule: Allow-Origin `*`, no Allow-Credentials', async () => {
      const res = await preflight(`/${SITE}/hello.txt`, { origin: 'https://anyone.test', 'access-control-request-method': 'HEAD' });
      assert.equal(res.status, 200);
      assert.deepEqual(corsHeadersOf(res), { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, HEAD', vary: VARY });
    });

    it('is never authenticated: a bogus Authorization changes nothing', async () => {
      const res = await preflight(`/${SITE}/hello.txt`, {
        origin: APP,
        'access-control-request-method': 'GET',
        authorization: 'AWS4-HMAC-SHA256 Credential=AKIANOTAKEY/20200101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00',
      });
      assert.equal(res.status, 200);
      assert.equal(res.headers['access-control-allow-origin'], APP);
    });

    it('works on virtual-hosted buckets', async () => {
      const port = new URL(t.endpoint).port;
      const res = await raw({
        method: 'OPTIONS',
        path: '/hello.txt',
        headers: { host: `${SITE}.localhost:${port}`, origin: APP, 'access-control-request-method': 'PUT' },
      });
      assert.equal(res.status, 200);
      assert.deepEqual(corsHeadersOf(res), APP_HEADERS);
    });
  });

  describe('actual requests with Origin', () => {
    it('GET from an allowed origin: the rule headers, never Allow-Headers; ETag exposed', async () => {
      const res = await signed({ method: 'GET', path: `/${SITE}/hello.txt`, headers: { origin: APP } });
      assert.equal(res.status, 200);
      assert.equal(res.body, 'hello');
      assert.deepEqual(corsHeadersOf(res), APP_HEADERS);
      assert.ok(res.headers.etag);
    });

    it('PUT from an allowed origin: stored, with the CORS headers and the exposed ETag', async () => {
      const res = await signed({ method: 'PUT', path: `/${SITE}/from-page.txt`, headers: { origin: APP }, body: 'page data' });
      assert.equal(res.status, 200);
      assert.equal(res.headers.etag, `"${createHash('md5').update('page data').digest('hex')}"`);
      assert.deepEqual(corsHeadersOf(res), APP_HEADERS);
    });

    it('a 403 (anonymous) still carries the CORS headers, so the page can read it', async () => {
      const res = await raw({ method: 'GET', path: `/${SITE}/hello.txt`, headers: { origin: APP } });
      assertRawError(res, 403, [
        ['Code', 'AccessDenied'],
        ['Message', 'Access Denied'],
      ]);
      assert.deepEqual(corsHeadersOf(res), APP_HEADERS);
    });

    it('a 404 still carries the CORS headers', async () => {
      const res = await signed({ method: 'GET', path: `/${SITE}/missing.txt`, headers: { origin: APP } });
      assertRawError(res, 404, [
        ['Code', 'NoSuchKey'],
        ['Message', 'The specified key does not exist.'],
        ['Key', 'missing.txt'],
      ]);
      assert.deepEqual(corsHeadersOf(res), APP_HEADERS);
    });

    it('a `*` rule on HEAD: Allow-Origin `*`', async () => {
      const res = await signed({ method: 'HEAD', path: `/${SITE}/hello.txt`, headers: { origin: 'https://anyone.test' } });
      assert.equal(res.status, 200);
      assert.deepEqual(corsHeadersOf(res), { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, HEAD', vary: VARY });
    });

    it('no match: served normally, without CORS headers (never refused for CORS)', async () => {
      const noMatch: Array<[string, Record<string, string>]> = [
        ['an origin no rule allows to PUT', { origin: 'https://evil.test' }],
        ['an origin off by a slash', { origin: `${APP}/` }],
        ['no Origin at all', {}],
      ];
      for (const [name, headers] of noMatch) {
        const res = await signed({ method: 'PUT', path: `/${SITE}/evil.txt`, headers, body: 'x' });
        assert.equal(res.status, 200, name);
        assert.deepEqual(corsHeadersOf(res), {}, name);
      }
    });

    it('a bucket without configuration or a missing bucket: no CORS headers', async () => {
      const bare = await signed({ method: 'GET', path: `/${BARE}/k`, headers: { origin: APP } });
      assert.equal(bare.status, 404);
      assert.deepEqual(corsHeadersOf(bare), {});
      const none = await signed({ method: 'GET', path: '/cors-none/k', headers: { origin: APP } });
      assert.equal(none.status, 404);
      assert.deepEqual(corsHeadersOf(none), {});
    });
  });
});
