import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { BucketNotFoundError, UploadNotFoundError, WriteConditionFailedError } from '../../errors.ts';
import type { MetadataStore } from '../../metadata-store.ts';
import type { Suite } from '../harness.ts';
import { bucket, object, part, sorted, upload } from './fixtures.ts';

const uploadNotFound = (uploadId: string) => (e: unknown) => {
  assert.ok(e instanceof UploadNotFoundError, String(e));
  assert.equal(e.uploadId, uploadId);
  return true;
};

/** Upload u1 on key k with parts 1..3 (blobs p1..p3); the completed object uses parts 1 and 3. */
async function started(store: MetadataStore) {
  await store.createBucket(bucket('b'));
  await store.createMultipartUpload(upload('b', 'k', 'u1', { checksumAlgorithm: 'SHA256', checksumType: 'COMPOSITE' }));
  for (const n of [1, 2, 3]) {
    await store.putPart(part('u1', n, `p${n}`, n === 2 ? {} : { checksum: `c${n}` }));
  }
  return object('b', 'k', {
    etag: '0123456789abcdef0123456789abcdef-2',
    parts: [{ size: 5 * 1024 * 1024 }, { size: 5 * 1024 * 1024 }],
    segments: [
      { blobId: 'p1', size: 5 * 1024 * 1024 },
      { blobId: 'p3', size: 5 * 1024 * 1024 },
    ],
  });
}

export function multipartTests(suite: Suite<MetadataStore>): void {
  describe('multipart uploads', () => {
    suite.test('createMultipartUpload then getMultipartUpload returns it for its bucket and key only', async (store) => {
      await store.createBucket(bucket('b'));
      const u = upload('b', 'k', 'u1', {
        checksumAlgorithm: 'CRC32',
        checksumType: 'FULL_OBJECT',
        acl: { x: 1 },
        tags: [['t', 'v']],
      });
      await store.createMultipartUpload(u);
      assert.deepEqual(await store.getMultipartUpload('b', 'k', 'u1'), u);
      assert.equal(await store.getMultipartUpload('b', 'other', 'u1'), undefined);
      assert.equal(await store.getMultipartUpload('c', 'k', 'u1'), undefined);
      assert.equal(await store.getMultipartUpload('b', 'k', 'u2'), undefined);
    });

    suite.test('createMultipartUpload in an unknown bucket throws BucketNotFoundError', async (store) => {
      await assert.rejects(store.createMultipartUpload(upload('nope', 'k', 'u1')), BucketNotFoundError);
    });

    suite.test('putPart to an unknown upload throws UploadNotFoundError', async (store) => {
      await assert.rejects(store.putPart(part('nope', 1, 'p')), uploadNotFound('nope'));
    });

    suite.test('listParts returns parts after a number, ascending, up to a limit', async (store) => {
      await started(store);
      assert.deepEqual(await store.listParts('u1', 0, 10), [
        part('u1', 1, 'p1', { checksum: 'c1' }),
        part('u1', 2, 'p2'),
        part('u1', 3, 'p3', { checksum: 'c3' }),
      ]);
      assert.deepEqual((await store.listParts('u1', 1, 1)).map((p) => p.partNumber), [2]);
      assert.deepEqual(await store.listParts('u1', 3, 10), []);
      assert.deepEqual(await store.listParts('nope', 0, 10), []);
    });

    suite.test('putPart with a used number replaces the part and retires its blob', async (store) => {
      await started(store);
      assert.deepEqual(await store.putPart(part('u1', 2, 'p2b', { etag: 'f'.repeat(32) })), ['p2']);
      assert.deepEqual((await store.listParts('u1', 1, 1))[0], part('u1', 2, 'p2b', { etag: 'f'.repeat(32) }));
      assert.deepEqual(await store.putPart(part('u1', 2, 'p2b')), []); // same blob again
    });

    suite.test('completeMultipartUpload writes the object, ends the upload, retires unused parts', async (store) => {
      const obj = await started(store);
      assert.deepEqual(await store.completeMultipartUpload('u1', obj), ['p2']);
      assert.deepEqual(await store.getObject('b', 'k'), obj);
      assert.equal(await store.getMultipartUpload('b', 'k', 'u1'), undefined);
      assert.deepEqual(await store.listParts('u1', 0, 10), []);
      assert.deepEqual(await store.unreferencedBlobs(['p1', 'p2', 'p3']), ['p2']);
      await assert.rejects(store.completeMultipartUpload('u1', obj), uploadNotFound('u1'));
      await assert.rejects(store.abortMultipartUpload('b', 'k', 'u1'), uploadNotFound('u1'));
    });

    suite.test('completeMultipartUpload also retires the object it replaces', async (store) => {
      const obj = await started(store);
      await store.putObject(object('b', 'k', { segments: [{ blobId: 'old', size: 5 }] }));
      assert.deepEqual(sorted(await store.completeMultipartUpload('u1', obj)), ['old', 'p2']);
    });

    suite.test('completeMultipartUpload for another key throws UploadNotFoundError', async (store) => {
      const obj = await started(store);
      await assert.rejects(store.completeMultipartUpload('u1', { ...obj, key: 'other' }), uploadNotFound('u1'));
      assert.equal(await store.getObject('b', 'other'), undefined);
      assert.ok(await store.getMultipartUpload('b', 'k', 'u1'));
    });

    suite.test('a failed condition on complete changes nothing', async (store) => {
      const obj = await started(store);
      await store.putObject(object('b', 'k'));
      await assert.rejects(store.completeMultipartUpload('u1', obj, { ifNoneMatch: true }), WriteConditionFailedError);
      await assert.rejects(store.completeMultipartUpload('u1', obj, { ifMatch: 'x' }), WriteConditionFailedError);
      assert.deepEqual(await store.getObject('b', 'k'), object('b', 'k'));
      assert.ok(await store.getMultipartUpload('b', 'k', 'u1'));
      assert.equal((await store.listParts('u1', 0, 10)).length, 3);
      assert.deepEqual(await store.unreferencedBlobs(['p1', 'p2', 'p3']), []);
      assert.deepEqual(sorted(await store.completeMultipartUpload('u1', obj, { ifMatch: object('b', 'k').etag })), [
        'blob-k',
        'p2',
      ]);
    });

    suite.test('abortMultipartUpload ends the upload and returns its part blobs', async (store) => {
      await started(store);
      await assert.rejects(store.abortMultipartUpload('b', 'other', 'u1'), uploadNotFound('u1'));
      assert.deepEqual(sorted(await store.abortMultipartUpload('b', 'k', 'u1')), ['p1', 'p2', 'p3']);
      assert.equal(await store.getMultipartUpload('b', 'k', 'u1'), undefined);
      await assert.rejects(store.abortMultipartUpload('b', 'k', 'u1'), uploadNotFound('u1'));
      await assert.rejects(store.putPart(part('u1', 4, 'p4')), uploadNotFound('u1'));
    });

    suite.test('complete racing abort: exactly one succeeds', async (store) => {
      const obj = await started(store);
      const [complete, abort] = await Promise.allSettled([
        store.completeMultipartUpload('u1', obj),
        store.abortMultipartUpload('b', 'k', 'u1'),
      ]);
      assert.equal([complete, abort].filter((r) => r.status === 'fulfilled').length, 1);
      const loser = complete.status === 'rejected' ? complete : abort;
      assert.ok(loser.status === 'rejected' && loser.reason instanceof UploadNotFoundError);
    });
  });
}
