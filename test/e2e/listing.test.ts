/**
 * Listing through the AWS SDK v3: ListObjects (v1) and ListObjectsV2 in UTF-8 byte order, with
 * prefixes, delimiters, markers, continuation tokens and page boundaries inside delimiter groups;
 * ListObjectVersions on a never-versioned bucket.
 */
import {
  CreateBucketCommand,
  ListObjectVersionsCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertS3Error } from './assert-s3-error.ts';
import { startTestCoffer, type TestCoffer } from './harness.ts';
import { rawRequest } from './raw-request.ts';

const B = 'listing';
const KEYS = [
  'a.txt',
  'photos/2024/jan.jpg',
  'photos/2024/feb.jpg',
  'photos/2025/mar.jpg',
  'photos/cover.jpg',
  'photos/z/',
  'zeta',
  'é-accent',
  '😀-emoji',
  '\uffef-high-bmp',
];

describe('listing', () => {
  let t: TestCoffer;
  let s3: S3Client;
  before(async () => {
    t = await startTestCoffer();
    s3 = t.s3();
    await s3.send(new CreateBucketCommand({ Bucket: B }));
    for (const key of KEYS) await s3.send(new PutObjectCommand({ Bucket: B, Key: key, Body: key }));
  });
  after(() => t.stop());

  const byteOrder = [...KEYS].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));

  it('lists every key in UTF-8 byte order (V2)', async () => {
    const res = await s3.send(new ListObjectsV2Command({ Bucket: B }));
    assert.deepEqual(res.Contents?.map((c) => c.Key), byteOrder);
    assert.equal(res.KeyCount, KEYS.length);
    assert.equal(res.IsTruncated, false);
    assert.equal(res.MaxKeys, 1000);
    const first = res.Contents![0]!;
    assert.equal(first.Size, Buffer.byteLength(first.Key!));
    assert.equal(first.StorageClass, 'STANDARD');
    assert.equal(first.Owner, undefined, 'V2 sends Owner only with fetch-owner');
  });

  it('rolls keys up into CommonPrefixes with a delimiter', async () => {
    const res = await s3.send(new ListObjectsV2Command({ Bucket: B, Prefix: 'photos/', Delimiter: '/' }));
    assert.deepEqual(res.Contents?.map((c) => c.Key), ['photos/cover.jpg']);
    assert.deepEqual(res.CommonPrefixes?.map((p) => p.Prefix), ['photos/2024/', 'photos/2025/', 'photos/z/']);
    assert.equal(res.KeyCount, 4);
    assert.equal(res.Delimiter, '/');
    assert.equal(res.Prefix, 'photos/');
  });

  it('pages V2 with continuation tokens, counting each common prefix once', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const res = await s3.send(new ListObjectsV2Command({ Bucket: B, Delimiter: '/', MaxKeys: 2, ContinuationToken: token }));
      pages++;
      assert.ok((res.KeyCount ?? 0) <= 2);
      for (const c of res.Contents ?? []) seen.push(c.Key!);
      for (const p of res.CommonPrefixes ?? []) seen.push(p.Prefix!);
      token = res.NextContinuationToken;
      assert.equal(res.IsTruncated, token !== undefined);
    } while (token);
    const expected = ['a.txt', 'photos/', 'zeta', 'é-accent', '\uffef-high-bmp', '😀-emoji'];
    assert.deepEqual(seen, expected);
    assert.equal(pages, 3);
  });

  it('pages V1 with markers; NextMarker only with a delimiter', async () => {
    const p1 = await s3.send(new ListObjectsCommand({ Bucket: B, MaxKeys: 3 }));
    assert.equal(p1.IsTruncated, true);
    assert.equal(p1.NextMarker, undefined);
    assert.equal(p1.Marker, '');
    const p2 = await s3.send(new ListObjectsCommand({ Bucket: B, MaxKeys: 3, Marker: p1.Contents!.at(-1)!.Key }));
    assert.deepEqual(p2.Contents?.map((c) => c.Key), byteOrder.slice(3, 6));
    assert.ok(p2.Contents![0]!.Owner?.ID, 'V1 always sends Owner');

    const d1 = await s3.send(new ListObjectsCommand({ Bucket: B, Prefix: 'photos/', Delimiter: '/', MaxKeys: 1 }));
    assert.deepEqual(d1.CommonPrefixes?.map((p) => p.Prefix), ['photos/2024/']);
    assert.equal(d1.NextMarker, 'photos/2024/');
    // A marker inside a group skips the whole group.
    const d2 = await s3.send(new ListObjectsCommand({ Bucket: B, Prefix: 'photos/', Delimiter: '/', Marker: 'photos/2024/feb.jpg' }));
    assert.deepEqual(d2.CommonPrefixes?.map((p) => p.Prefix), ['photos/2025/', 'photos/z/']);
    assert.deepEqual(d2.Contents?.map((c) => c.Key), ['photos/cover.jpg']);
  });

  it('honours start-after, fetch-owner and max-keys=0', async () => {
    const res = await s3.send(new ListObjectsV2Command({ Bucket: B, StartAfter: 'photos/cover.jpg', FetchOwner: true }));
    assert.equal(res.StartAfter, 'photos/cover.jpg');
    assert.deepEqual(res.Contents?.map((c) => c.Key), byteOrder.slice(byteOrder.indexOf('photos/cover.jpg') + 1));
    assert.equal(res.Contents![0]!.Owner?.ID, t.coffer.account.canonicalId);
    const none = await s3.send(new ListObjectsV2Command({ Bucket: B, MaxKeys: 0 }));
    assert.equal(none.KeyCount, 0);
    assert.equal(none.IsTruncated, false);
  });

  it('url-encodes keys with encoding-type=url', async () => {
    const res = await rawRequest(t.endpoint, {
      method: 'GET',
      path: `/${B}`,
      query: { 'list-type': '2', prefix: 'é', 'encoding-type': 'url' },
      sign: t.credentials,
    });
    assert.match(res.body, /<Prefix>%C3%A9<\/Prefix>/);
    assert.match(res.body, /<Key>%C3%A9-accent<\/Key>/);
    assert.match(res.body, /<EncodingType>url<\/EncodingType>/);
  });

  it('rejects bad parameters with AWS errors', async () => {
    await assertS3Error(s3.send(new ListObjectsV2Command({ Bucket: B, ContinuationToken: 'garbage!' })), {
      code: 'InvalidArgument',
      status: 400,
      message: 'The continuation token provided is incorrect',
    });
    const badMax = await rawRequest(t.endpoint, { method: 'GET', path: `/${B}`, query: { 'max-keys': 'ten' }, sign: t.credentials });
    assert.equal(badMax.status, 400);
    assert.match(badMax.body, /<Message>Provided max-keys not an integer or within integer range<\/Message><ArgumentName>max-keys<\/ArgumentName><ArgumentValue>ten<\/ArgumentValue>/);
    const badEnc = await rawRequest(t.endpoint, { method: 'GET', path: `/${B}`, query: { 'encoding-type': 'base64' }, sign: t.credentials });
    assert.match(badEnc.body, /<Message>Invalid Encoding Method specified in Request<\/Message>/);
  });

  it('lists every object as its one null version on a never-versioned bucket', async () => {
    const res = await s3.send(new ListObjectVersionsCommand({ Bucket: B, Prefix: 'photos/2024/' }));
    assert.deepEqual(res.Versions?.map((v) => [v.Key, v.VersionId, v.IsLatest]), [
      ['photos/2024/feb.jpg', 'null', true],
      ['photos/2024/jan.jpg', 'null', true],
    ]);
    assert.equal(res.DeleteMarkers, undefined);
    const paged = await s3.send(new ListObjectVersionsCommand({ Bucket: B, MaxKeys: 2 }));
    assert.equal(paged.IsTruncated, true);
    assert.equal(paged.NextKeyMarker, byteOrder[1]);
    assert.equal(paged.NextVersionIdMarker, 'null');
    const rest = await s3.send(new ListObjectVersionsCommand({ Bucket: B, KeyMarker: paged.NextKeyMarker, VersionIdMarker: paged.NextVersionIdMarker }));
    assert.deepEqual(rest.Versions?.map((v) => v.Key), byteOrder.slice(2));
  });
});
