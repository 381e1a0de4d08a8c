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
});
