import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { MetadataStore } from '../../metadata-store.ts';
import type { Suite } from '../harness.ts';
import { bucket, object, part, upload } from './fixtures.ts';

export function blobReferenceTests(suite: Suite<MetadataStore>): void {
  describe('unreferencedBlobs', () => {
    suite.test('returns the ids no object version and no part uses', async (store) => {
      await store.createBucket(bucket('b'));
      const segments = [{ blobId: 'obj-1', size: 1 }, { blobId: 'obj-2', size: 1 }];
      await store.putObject(object('b', 'k', { segments }));
      await store.putObject(object('b', 'old', { versionId: 'v1', segments: [{ blobId: 'old-v1', size: 1 }] }));
      await store.putObject(object('b', 'old', { versionId: 'v2', segments: [{ blobId: 'old-v2', size: 1 }] }));
      await store.createMultipartUpload(upload('b', 'm', 'u1'));
      await store.putPart(part('u1', 1, 'part-1'));
      const ask = ['obj-1', 'stray', 'old-v1', 'part-1', 'obj-2', 'old-v2', 'stray-2'];
      assert.deepEqual((await store.unreferencedBlobs(ask)).sort(), ['stray', 'stray-2']);
      assert.deepEqual(await store.unreferencedBlobs([]), []);
    });

    suite.test('a blob becomes unreferenced when its last row goes', async (store) => {
      await store.createBucket(bucket('b'));
      await store.putObject(object('b', 'k', { segments: [{ blobId: 's', size: 1 }] }));
      await store.putObject(object('b', 'k2', { segments: [{ blobId: 's', size: 1 }] }));
      await store.deleteObject('b', 'k');
      assert.deepEqual(await store.unreferencedBlobs(['s']), []);
      await store.deleteObject('b', 'k2');
      assert.deepEqual(await store.unreferencedBlobs(['s']), ['s']);
    });

    suite.test('answers for thousands of ids at once', async (store) => {
      await store.createBucket(bucket('b'));
      await store.putObject(object('b', 'k', { segments: [{ blobId: 'id-2500', size: 1 }] }));
      const many = Array.from({ length: 5000 }, (_, i) => `id-${i}`);
      const result = await store.unreferencedBlobs(many);
      assert.equal(result.length, 4999);
      assert.ok(!result.includes('id-2500'));
    });
  });
}
