/**
 * Presigned URLs made by the AWS SDK v3 (`getSignedUrl`), used with plain fetch: GET and PUT work
 * within X-Amz-Expires, and fail exactly as AWS fails them once the server clock passes it.
 */
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isoSeconds } from '../../src/lib/dates.ts';
import { startTestCoffer, type TestCoffer } from './harness.ts';
import { errorFields } from './raw-request.ts';

describe('presigned URLs (SigV4 query)', () => {
  let t: TestCoffer;
  before(async () => {
    t = await startTestCoffer();
    await t.s3().send(new CreateBucketCommand({ Bucket: 'presign' }));
  });
  after(() => t.stop());

  it('PUTs and GETs through URLs signed by the SDK', async () => {
    const s3 = t.s3();
    const putUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'presign', Key: 'a file.txt' }), { expiresIn: 300 });
    const put = await fetch(putUrl, { method: 'PUT', body: 'uploaded through a presigned URL' });
    assert.equal(put.status, 200, await put.text());
    const getUrl = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'presign', Key: 'a file.txt' }), { expiresIn: 300 });
    const got = await fetch(getUrl);
    assert.equal(got.status, 200);
    assert.equal(await got.text(), 'uploaded through a presigned URL');
  });

  it('after X-Amz-Date + X-Amz-Expires: 403 AccessDenied "Request has expired" with AWS’s elements', async () => {
    const url = await getSignedUrl(t.s3(), new GetObjectCommand({ Bucket: 'presign', Key: 'a file.txt' }), { expiresIn: 60 });
    const signedAt = /X-Amz-Date=(\d{8}T\d{6}Z)/.exec(url)![1]!;
    t.clock.advance(61_000);
    try {
      const res = await fetch(url);
      assert.equal(res.status, 403);
      const fields = errorFields(await res.text());
      assert.deepEqual(fields.slice(0, 5).map(([n]) => n), ['Code', 'Message', 'X-Amz-Expires', 'Expires', 'ServerTime']);
      assert.deepEqual(Object.fromEntries(fields.slice(0, 3)), { Code: 'AccessDenied', Message: 'Request has expired', 'X-Amz-Expires': '60' });
      const at = Date.UTC(+signedAt.slice(0, 4), +signedAt.slice(4, 6) - 1, +signedAt.slice(6, 8), +signedAt.slice(9, 11), +signedAt.slice(11, 13), +signedAt.slice(13, 15));
      assert.equal(Object.fromEntries(fields).Expires, isoSeconds(at + 60_000));
    } finally {
      t.clock.advance(-61_000);
    }
  });

  const presignGet = (expiresIn = 300, key = 'a file.txt') =>
    getSignedUrl(t.s3(), new GetObjectCommand({ Bucket: 'presign', Key: key }), { expiresIn });
  const withParam = (url: string, name: string, value: string | undefined) => {
    const u = new URL(url);
    if (value === undefined) u.searchParams.delete(name);
    else u.searchParams.set(name, value);
    return u.toString();
  };
  const fetchError = async (url: string, init?: RequestInit) => {
    const res = await fetch(url, init);
    return { status: res.status, fields: Object.fromEntries(errorFields(await res.text())) as Record<string, string> };
  };

  it('dated in the future beyond the skew window: 403 "Request is not yet valid" with X-Amz-Date in epoch ms', async () => {
    const url = await getSignedUrl(t.s3(), new GetObjectCommand({ Bucket: 'presign', Key: 'a file.txt' }), {
      expiresIn: 3600,
      signingDate: new Date(t.clock.now() + 20 * 60_000),
    });
    const { status, fields } = await fetchError(url);
    assert.equal(status, 403);
    assert.equal(fields.Code, 'AccessDenied');
    assert.equal(fields.Message, 'Request is not yet valid');
    assert.match(fields['X-Amz-Date'] ?? '', /^\d{13}$/);
    assert.match(fields.Expires ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.ok(fields.ServerTime);
  });

  it('X-Amz-Expires out of range, negative, not a number, or a parameter missing: 400 AuthorizationQueryParametersError', async () => {
    const url = await presignGet();
    const cases: Array<[string | undefined, string]> = [
      ['604801', 'X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds'],
      ['-7', 'X-Amz-Expires must be non-negative'],
      ['soon', 'X-Amz-Expires should be a number'],
      [undefined, 'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.'],
    ];
    for (const [value, message] of cases) {
      const { status, fields } = await fetchError(withParam(url, 'X-Amz-Expires', value));
      assert.equal(status, 400, String(value));
      assert.equal(fields.Code, 'AuthorizationQueryParametersError');
      assert.equal(fields.Message, message);
    }
  });

  it('an expired URL says so even when its signature is also wrong (expiry is checked first, as on AWS)', async () => {
    const url = withParam(await presignGet(60), 'X-Amz-Signature', '0'.repeat(64));
    t.clock.advance(120_000);
    try {
      const { status, fields } = await fetchError(url);
      assert.equal(status, 403);
      assert.equal(fields.Message, 'Request has expired');
    } finally {
      t.clock.advance(-120_000);
    }
  });

  it('a tampered URL: 403 SignatureDoesNotMatch with the canonical request', async () => {
    const url = (await presignGet()).replace('a%20file.txt', 'another.txt');
    const { status, fields } = await fetchError(url);
    assert.equal(status, 403);
    assert.equal(fields.Code, 'SignatureDoesNotMatch');
    assert.match(fields.CanonicalRequest ?? '', /^GET\n\/presign\/another.txt\nX-Amz-Algorithm=AWS4-HMAC-SHA256&/);
    assert.match(fields.CanonicalRequest ?? '', /\nUNSIGNED-PAYLOAD$/);
  });

  it('headers sent but not signed: 403 AccessDenied with HeadersNotSigned', async () => {
    const { status, fields } = await fetchError(await presignGet(), { headers: { 'x-amz-meta-extra': '1', 'x-amz-acl': 'public-read' } });
    assert.equal(status, 403);
    assert.equal(fields.Message, 'There were headers present in the request which were not signed');
    assert.equal(fields.HeadersNotSigned, 'x-amz-acl, x-amz-meta-extra');
  });

  it('a URL signed for another region: 400 with the region it should have used', async () => {
    const url = await getSignedUrl(t.s3({ region: 'eu-west-3' }), new GetObjectCommand({ Bucket: 'presign', Key: 'a file.txt' }), { expiresIn: 60 });
    const { status, fields } = await fetchError(url);
    assert.equal(status, 400);
    assert.equal(fields.Code, 'AuthorizationQueryParametersError');
    assert.equal(fields.Message, "Error parsing the X-Amz-Credential parameter; the region 'eu-west-3' is wrong; expecting 'us-east-1'");
    assert.equal(fields.Region, 'us-east-1');
  });

  it('both an Authorization header and presign parameters: 400 InvalidArgument', async () => {
    const { status, fields } = await fetchError(await presignGet(), { headers: { authorization: 'AWS4-HMAC-SHA256 Credential=x' } });
    assert.equal(status, 400);
    assert.equal(fields.Code, 'InvalidArgument');
    assert.equal(
      fields.Message,
      'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
    );
  });

  it('a URL dies with its access key: deactivating the key fails it before X-Amz-Expires', async () => {
    const key = await t.coffer.identity.createAccessKey({ accountId: t.coffer.account.accountId });
    const client = t.s3({ credentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey } });
    const url = await getSignedUrl(client, new GetObjectCommand({ Bucket: 'presign', Key: 'a file.txt' }), { expiresIn: 3600 });
    assert.equal((await fetch(url)).status, 200);
    await t.coffer.identity.setAccessKeyStatus(key.accessKeyId, 'Inactive');
    const { status, fields } = await fetchError(url);
    assert.equal(status, 403);
    assert.equal(fields.Code, 'InvalidAccessKeyId');
    assert.equal(fields.AWSAccessKeyId, key.accessKeyId);
    await t.coffer.identity.deleteAccessKey(key.accessKeyId);
    assert.equal((await fetchError(url)).fields.Code, 'InvalidAccessKeyId');
  });

  it('the 15-minute skew rule does not apply: an hour-old URL with a day to live still works', async () => {
    const url = await presignGet(86400);
    t.clock.advance(3600_000);
    try {
      assert.equal((await fetch(url)).status, 200);
    } finally {
      t.clock.advance(-3600_000);
    }
  });
});

