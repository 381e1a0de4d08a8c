import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { BucketExistsError, BucketNotEmptyError, BucketNotFoundError } from '../../errors.ts';
import type { MetadataStore } from '../../metadata-store.ts';
import type { Suite } from '../harness.ts';
import { alice, bob, bucket, object, part, sorted, upload } from './fixtures.ts';

export function bucketTests(suite: Suite<MetadataStore>): void {
  describe('buckets', () => {
    suite.test('createBucket then getBucket returns the record', async (store) => {
      await store.createBucket({ ...bucket('photos'), region: 'eu-west-1', locationConstraint: 'EU' });
      assert.deepEqual(await store.getBucket('photos'), {
        ...bucket('photos'),
        region: 'eu-west-1',
        locationConstraint: 'EU',
      });
      assert.equal(await store.getBucket('other'), undefined);
    });

    suite.test('createBucket of a taken name throws BucketExistsError naming the owner', async (store) => {
      await store.createBucket(bucket('taken', alice));
      await assert.rejects(store.createBucket(bucket('taken', bob)), (e: unknown) => {
        assert.ok(e instanceof BucketExistsError);
        assert.equal(e.bucket, 'taken');
        assert.equal(e.ownerAccountId, alice.accountId);
        return true;
      });
      assert.deepEqual((await store.getBucket('taken'))?.owner, alice);
    });

    suite.test('listBuckets sorts by name and filters by owner', async (store) => {
      for (const [name, owner] of [['b-two', alice], ['c', bob], ['a-one', alice]] as const) {
        await store.createBucket(bucket(name, owner));
      }
      assert.deepEqual((await store.listBuckets()).map((b) => b.name), ['a-one', 'b-two', 'c']);
      assert.deepEqual((await store.listBuckets(alice.accountId)).map((b) => b.name), ['a-one', 'b-two']);
      assert.deepEqual((await store.listBuckets('999999999999')).length, 0);
    });

    suite.test('deleteBucket removes the bucket and its configurations', async (store) => {
      await store.createBucket(bucket('gone'));
      await store.putBucketConfig('gone', 'policy', { text: '{}' });
      assert.deepEqual(await store.deleteBucket('gone'), []);
      assert.equal(await store.getBucket('gone'), undefined);
      await store.createBucket(bucket('gone'));
      assert.equal(await store.getBucketConfig('gone', 'policy'), undefined);
    });

    suite.test('deleteBucket of an unknown bucket throws BucketNotFoundError', async (store) => {
      await assert.rejects(store.deleteBucket('nope'), BucketNotFoundError);
    });

    suite.test('deleteBucket refuses while an object remains', async (store) => {
      await store.createBucket(bucket('full'));
      await store.putObject(object('full', 'k'));
      await assert.rejects(store.deleteBucket('full'), (e: unknown) => {
        assert.ok(e instanceof BucketNotEmptyError);
        assert.equal(e.bucket, 'full');
        return true;
      });
      assert.ok(await store.getBucket('full'));
      await store.deleteObject('full', 'k');
      await store.deleteBucket('full');
      assert.equal(await store.getBucket('full'), undefined);
    });

    suite.test('deleteBucket refuses while a non-current version remains', async (store) => {
      await store.createBucket(bucket('old'));
      await store.putObject(object('old', 'k', { versionId: 'v1' }));
      await store.putObject(object('old', 'k', { versionId: 'v2' }));
      await store.deleteObject('old', 'k', 'v2');
      await assert.rejects(store.deleteBucket('old'), BucketNotEmptyError);
    });

    suite.test('deleteBucket discards open uploads and returns their part blobs', async (store) => {
      await store.createBucket(bucket('mp'));
      await store.createMultipartUpload(upload('mp', 'k', 'u1'));
      await store.putPart(part('u1', 1, 'p1'));
      await store.putPart(part('u1', 2, 'p2'));
      assert.deepEqual(sorted(await store.deleteBucket('mp')), ['p1', 'p2']);
      await store.createBucket(bucket('mp'));
      assert.equal(await store.getMultipartUpload('mp', 'k', 'u1'), undefined);
      assert.deepEqual(await store.scanMultipartUploads('mp', { prefix: '', limit: 10 }), []);
      assert.deepEqual(await store.listParts('u1', 0, 10), []);
    });
  });

  describe('bucket configurations', () => {
    suite.test('putBucketConfig stores each kind whole; getBucketConfig returns it', async (store) => {
      await store.createBucket(bucket('cfg'));
      await store.putBucketConfig('cfg', 'versioning', { status: 'Enabled', mfaDelete: 'Disabled' });
      await store.putBucketConfig('cfg', 'tagging', { tags: [['b', '2'], ['a', '1']] });
      await store.putBucketConfig('cfg', 'versioning', { status: 'Suspended' });
      assert.deepEqual(await store.getBucketConfig('cfg', 'versioning'), { status: 'Suspended' });
      assert.deepEqual(await store.getBucketConfig('cfg', 'tagging'), { tags: [['b', '2'], ['a', '1']] });
      assert.equal(await store.getBucketConfig('cfg', 'cors'), undefined);
      assert.deepEqual(await store.getBucketConfigs('cfg'), { versioning: { status: 'Suspended' }, tagging: { tags: [['b', '2'], ['a', '1']] } });
      assert.deepEqual(await store.getBucketConfigs('unknown'), {});
      const state = await store.getBucketState('cfg');
      assert.deepEqual(state?.bucket, await store.getBucket('cfg'));
      assert.deepEqual(state?.configs, { versioning: { status: 'Suspended' }, tagging: { tags: [['b', '2'], ['a', '1']] } });
      assert.equal(await store.getBucketState('unknown'), undefined);
      await store.createBucket(bucket('bare'));
      assert.deepEqual((await store.getBucketState('bare'))?.configs, {});
    });

    suite.test('configurations belong to one bucket', async (store) => {
      await store.createBucket(bucket('one'));
      await store.createBucket(bucket('two'));
      await store.putBucketConfig('one', 'policy', { text: 'p' });
      assert.equal(await store.getBucketConfig('two', 'policy'), undefined);
    });

    suite.test('deleteBucketConfig removes one kind and ignores absent ones', async (store) => {
      await store.createBucket(bucket('cfg'));
      await store.putBucketConfig('cfg', 'policy', { text: 'p' });
      await store.putBucketConfig('cfg', 'cors', { rules: [{ allowedOrigins: ['*'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }] });
      await store.deleteBucketConfig('cfg', 'policy');
      await store.deleteBucketConfig('cfg', 'policy');
      await store.deleteBucketConfig('cfg', 'acl');
      assert.equal(await store.getBucketConfig('cfg', 'policy'), undefined);
      assert.deepEqual(await store.getBucketConfig('cfg', 'cors'), { rules: [{ allowedOrigins: ['*'], allowedMethods: ['GET'], allowedHeaders: [], exposeHeaders: [] }] });
    });

    suite.test('putBucketConfig on an unknown bucket throws BucketNotFoundError', async (store) => {
      await assert.rejects(store.putBucketConfig('nope', 'policy', { text: 'p' }), BucketNotFoundError);
    });
  });
}
