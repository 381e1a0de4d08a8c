import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { BucketNotFoundError, WriteConditionFailedError } from '../../errors.ts';
import type { MetadataStore } from '../../metadata-store.ts';
import type { Suite } from '../harness.ts';
import { bucket, object, richObject, sorted, TRICKY_KEYS } from './fixtures.ts';

const conditionFailed =
  (condition: WriteConditionFailedError['condition'], reason: WriteConditionFailedError['reason']) =>
  (e: unknown): boolean => {
    assert.ok(e instanceof WriteConditionFailedError, String(e));
    assert.equal(e.condition, condition);
    assert.equal(e.reason, reason);
    return true;
  };

export function objectTests(suite: Suite<MetadataStore>): void {
  describe('objects', () => {
    suite.test('putObject then getObject returns every field', async (store) => {
      await store.createBucket(bucket('b'));
      const rich = richObject('b', 'docs/a.txt');
      assert.deepEqual(await store.putObject(rich), []);
      assert.deepEqual(await store.getObject('b', 'docs/a.txt'), rich);
      assert.deepEqual(await store.getObject('b', 'docs/a.txt', 'null'), rich);
      const plain = object('b', 'plain');
      await store.putObject(plain);
      assert.deepEqual(await store.getObject('b', 'plain'), plain);
    });

    suite.test('a small object kept inline comes back with its bytes, and listings leave them out', async (store) => {
      await store.createBucket(bucket('b'));
      const small = object('b', 'tiny', { size: 5, segments: [], inline: Buffer.from('hello') });
      assert.deepEqual(await store.putObject(small), []);
      const got = await store.getObject('b', 'tiny');
      assert.ok(got?.kind === 'object' && got.inline?.equals(Buffer.from('hello')));
      assert.deepEqual(got, small);
      const [listed] = await store.scanObjects('b', { prefix: '', limit: 10 });
      assert.equal(listed?.inline, undefined);
      assert.deepEqual(listed?.segments, []);
      // Replacing it with a blob-backed object retires nothing and drops the inline bytes.
      const big = object('b', 'tiny', { segments: [{ blobId: 'big', size: 100 }] });
      assert.deepEqual(await store.putObject(big), []);
      assert.deepEqual(await store.getObject('b', 'tiny'), big);
    });

    suite.test('concurrent writes each succeed or fail on their own', async (store) => {
      await store.createBucket(bucket('b'));
      await store.putObject(object('b', 'taken'));
      const results = await Promise.allSettled([
        store.putObject(object('b', 'one')),
        store.putObject(object('b', 'taken', { etag: 'e'.repeat(32) }), { ifNoneMatch: true }),
        store.putObject(object('b', 'two')),
        store.deleteObject('b', 'one'),
      ]);
      assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      assert.ok((results[1] as PromiseRejectedResult).reason instanceof WriteConditionFailedError);
      assert.equal(await store.getObject('b', 'one'), undefined, 'written, then deleted, in order');
      assert.ok(await store.getObject('b', 'two'));
      assert.deepEqual(await store.getObject('b', 'taken'), object('b', 'taken'), 'the failed write changed nothing');
    });

    suite.test('putObjectAcl replaces only the ACL of that version', async (store) => {
      await store.createBucket(bucket('b'));
      const rich = richObject('b', 'k');
      await store.putObject(rich);
      const acl = { grants: [{ grantee: { type: 'Group' as const, uri: 'http://acs.amazonaws.com/groups/global/AllUsers' }, permission: 'READ' as const }] };
      assert.equal(await store.putObjectAcl('b', 'k', 'null', acl), true);
      assert.deepEqual(await store.getObject('b', 'k'), { ...rich, acl });
      assert.equal(await store.putObjectAcl('b', 'missing', 'null', acl), false);
      assert.equal(await store.putObjectAcl('b', 'k', 'v9', acl), false);
    });

    suite.test('getObject of an unknown key, version or bucket is undefined', async (store) => {
      await store.createBucket(bucket('b'));
      await store.createBucket(bucket('c'));
      await store.putObject(object('b', 'k'));
      assert.equal(await store.getObject('b', 'K'), undefined);
      assert.equal(await store.getObject('b', 'k', 'v1'), undefined);
      assert.equal(await store.getObject('c', 'k'), undefined);
      assert.equal(await store.getObject('zz', 'k'), undefined);
    });

    suite.test('putObject into an unknown bucket throws BucketNotFoundError', async (store) => {
      await assert.rejects(store.putObject(object('nope', 'k')), BucketNotFoundError);
    });

    suite.test('putObject replaces the null version and returns the blobs it retired', async (store) => {
      await store.createBucket(bucket('b'));
      await store.putObject(richObject('b', 'k'));
      const next = object('b', 'k', { etag: 'f'.repeat(32), segments: [{ blobId: 'new', size: 5 }] });
      assert.deepEqual(sorted(await store.putObject(next)), ['blob-k-1', 'blob-k-2']);
      assert.deepEqual(await store.getObject('b', 'k'), next);
      assert.equal((await store.scanVersions('b', { prefix: '', limit: 10 })).length, 1);
    });

    suite.test('putObject returns no blob that a row still uses', async (store) => {
      await store.createBucket(bucket('b'));
      const shared = { blobId: 'shared', size: 5 };
      await store.putObject(object('b', 'one', { segments: [shared] }));
      await store.putObject(object('b', 'two', { segments: [shared] }));
      // The same blob kept by the new version, and a blob another key uses, are not retired.
      const x = { blobId: 'x', size: 1 };
      assert.deepEqual(await store.putObject(object('b', 'one', { segments: [shared, x] })), []);
      assert.deepEqual(await store.putObject(object('b', 'one', { segments: [{ blobId: 'y', size: 1 }] })), ['x']);
      assert.deepEqual((await store.deleteObject('b', 'two')).blobs, ['shared']);
    });

    suite.test('deleteObject removes the object and returns it with its blobs', async (store) => {
      await store.createBucket(bucket('b'));
      const rich = richObject('b', 'k');
      await store.putObject(rich);
      const { removed, blobs } = await store.deleteObject('b', 'k');
      assert.deepEqual(removed, rich);
      assert.deepEqual(sorted(blobs), ['blob-k-1', 'blob-k-2']);
      assert.equal(await store.getObject('b', 'k'), undefined);
      assert.equal(await store.hasObjects('b'), false);
    });

    suite.test('deleteObject of an absent key or version removes nothing', async (store) => {
      await store.createBucket(bucket('b'));
      await store.putObject(object('b', 'k'));
      assert.deepEqual(await store.deleteObject('b', 'other'), { blobs: [] });
      assert.deepEqual(await store.deleteObject('b', 'k', 'v9'), { blobs: [] });
      assert.deepEqual(await store.deleteObject('nobucket', 'k'), { blobs: [] });
      assert.ok(await store.getObject('b', 'k'));
    });

    suite.test('hasObjects tells whether any version is in the bucket', async (store) => {
      await store.createBucket(bucket('b'));
      await store.createBucket(bucket('c'));
      assert.equal(await store.hasObjects('b'), false);
      await store.putObject(object('c', 'k'));
      assert.equal(await store.hasObjects('b'), false);
      await store.putObject(object('b', 'k'));
      assert.equal(await store.hasObjects('b'), true);
    });

    suite.test('keys are stored exactly, including unusual characters and 1024 bytes', async (store) => {
      await store.createBucket(bucket('b'));
      for (const key of TRICKY_KEYS) await store.putObject(object('b', key));
      for (const key of TRICKY_KEYS) assert.equal((await store.getObject('b', key))?.key, key, key);
      // NFC and NFD spellings of café are different keys, as on S3: no normalisation.
      for (const key of ['caf\u00e9', 'cafe\u0301']) assert.deepEqual(await store.getObject('b', key), object('b', key));
    });
  });

  describe('conditional writes', () => {
    suite.test('If-None-Match: * writes only when no object exists', async (store) => {
      await store.createBucket(bucket('b'));
      await store.putObject(object('b', 'k'), { ifNoneMatch: true });
      const second = object('b', 'k', { etag: '0'.repeat(32), segments: [{ blobId: 'n', size: 5 }] });
      const failed = conditionFailed('If-None-Match', 'mismatch');
      await assert.rejects(store.putObject(second, { ifNoneMatch: true }), failed);
      assert.deepEqual(await store.getObject('b', 'k'), object('b', 'k'));
    });

    suite.test('If-Match writes only over an object with that ETag', async (store) => {
      await store.createBucket(bucket('b'));
      const next = object('b', 'k', { etag: '0'.repeat(32), segments: [{ blobId: 'n', size: 5 }] });
      await assert.rejects(store.putObject(next, { ifMatch: next.etag }), conditionFailed('If-Match', 'missing'));
      assert.equal(await store.getObject('b', 'k'), undefined);
      await store.putObject(object('b', 'k'));
      await assert.rejects(store.putObject(next, { ifMatch: next.etag }), conditionFailed('If-Match', 'mismatch'));
      assert.deepEqual(await store.getObject('b', 'k'), object('b', 'k'));
      assert.deepEqual(await store.putObject(next, { ifMatch: object('b', 'k').etag }), ['blob-k']);
      assert.deepEqual(await store.getObject('b', 'k'), next);
    });

    suite.test('concurrent If-None-Match writes: exactly one wins', async (store) => {
      await store.createBucket(bucket('b'));
      const attempts = Array.from({ length: 8 }, (_, i) =>
        store.putObject(object('b', 'race', { segments: [{ blobId: `r${i}`, size: 5 }] }), { ifNoneMatch: true }),
      );
      const results = await Promise.allSettled(attempts);
      const won = results.filter((r) => r.status === 'fulfilled');
      assert.equal(won.length, 1);
      for (const r of results) {
        if (r.status === 'rejected') assert.ok(r.reason instanceof WriteConditionFailedError);
      }
      assert.equal((await store.scanVersions('b', { prefix: '', limit: 10 })).length, 1);
    });

    suite.test('concurrent If-Match writes on one ETag: exactly one wins', async (store) => {
      await store.createBucket(bucket('b'));
      await store.putObject(object('b', 'k'));
      const etag = object('b', 'k').etag;
      const attempts = Array.from({ length: 8 }, (_, i) =>
        store.putObject(object('b', 'k', { etag: `${i}`.repeat(32), segments: [{ blobId: `r${i}`, size: 5 }] }), {
          ifMatch: etag,
        }),
      );
      const won = (await Promise.allSettled(attempts)).filter((r) => r.status === 'fulfilled');
      assert.equal(won.length, 1);
    });
  });
}
