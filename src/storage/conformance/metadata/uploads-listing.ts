import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { MetadataStore, UploadScanOptions } from '../../metadata-store.ts';
import type { MultipartUpload } from '../../types.ts';
import type { Suite } from '../harness.ts';
import { bucket, T0, upload } from './fixtures.ts';

const ids = (uploads: readonly MultipartUpload[]) => uploads.map((u) => `${u.key}:${u.uploadId}`);

/** Keys a, b/1, b/2, c; key a has three uploads initiated at t+3, t+1, t+2 (ids in no order). */
async function uploads(store: MetadataStore): Promise<void> {
  await store.createBucket(bucket('b'));
  await store.createBucket(bucket('other'));
  const rows: Array<[string, string, number]> = [
    ['c', 'c1', 0],
    ['a', 'x3', 3],
    ['b/2', 'b2', 0],
    ['a', 'z1', 1],
    ['b/1', 'b1', 0],
    ['a', 'y2', 2],
  ];
  for (const [key, id, t] of rows) await store.createMultipartUpload(upload('b', key, id, { initiated: T0 + t }));
  await store.createMultipartUpload(upload('other', 'a', 'o1'));
}

const ALL = ['a:z1', 'a:y2', 'a:x3', 'b/1:b1', 'b/2:b2', 'c:c1'];

export function uploadListingTests(suite: Suite<MetadataStore>): void {
  describe('scanMultipartUploads', () => {
    const scan = (store: MetadataStore, o: Partial<UploadScanOptions>) =>
      store.scanMultipartUploads('b', { prefix: '', limit: 100, ...o }).then(ids);

    suite.test('orders by key, then initiation time', async (store) => {
      await uploads(store);
      assert.deepEqual(await scan(store, {}), ALL);
      assert.deepEqual(await scan(store, { prefix: 'b/' }), ['b/1:b1', 'b/2:b2']);
      assert.deepEqual(await scan(store, { limit: 2 }), ['a:z1', 'a:y2']);
    });

    suite.test('key marker alone resumes after every upload of that key', async (store) => {
      await uploads(store);
      assert.deepEqual(await scan(store, { keyMarker: 'a' }), ALL.slice(3));
      assert.deepEqual(await scan(store, { keyMarker: 'b/1', prefix: 'b/' }), ['b/2:b2']);
      assert.deepEqual(await scan(store, { keyMarker: 'a', prefix: 'b/' }), ['b/1:b1', 'b/2:b2']);
    });

    suite.test('key and upload-id markers resume after that upload', async (store) => {
      await uploads(store);
      assert.deepEqual(await scan(store, { keyMarker: 'a', uploadIdMarker: 'z1' }), ALL.slice(1));
      assert.deepEqual(await scan(store, { keyMarker: 'a', uploadIdMarker: 'y2', limit: 2 }), ['a:x3', 'b/1:b1']);
      assert.deepEqual(await scan(store, { keyMarker: 'a', uploadIdMarker: 'x3' }), ALL.slice(3));
      assert.deepEqual(await scan(store, { keyMarker: 'b/1', uploadIdMarker: 'b1', prefix: 'b/' }), ['b/2:b2']);
    });

    suite.test('paging with markers visits every upload once', async (store) => {
      await uploads(store);
      for (const limit of [1, 2, 5]) {
        const seen: string[] = [];
        let markers: Partial<UploadScanOptions> = {};
        for (let pages = 0; ; pages++) {
          assert.ok(pages < 100, 'paging does not advance');
          const page = await store.scanMultipartUploads('b', { prefix: '', limit, ...markers });
          seen.push(...ids(page));
          if (page.length < limit) break;
          markers = { keyMarker: page.at(-1)!.key, uploadIdMarker: page.at(-1)!.uploadId };
        }
        assert.deepEqual(seen, ALL, `limit ${limit}`);
      }
    });

    suite.test('a cursor starts at or after a key', async (store) => {
      await uploads(store);
      assert.deepEqual(await scan(store, { cursor: { key: 'b/1', inclusive: true } }), ALL.slice(3));
      assert.deepEqual(await scan(store, { cursor: { key: 'b/', inclusive: false } }), ALL.slice(3));
      assert.deepEqual(await scan(store, { cursor: { key: 'b/1', inclusive: false } }), ALL.slice(4));
    });
  });
}
