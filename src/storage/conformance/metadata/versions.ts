import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { MetadataStore, VersionScanOptions } from '../../metadata-store.ts';
import type { StoredVersion } from '../../types.ts';
import type { Suite } from '../harness.ts';
import { bucket, object, T0 } from './fixtures.ts';

const ids = (versions: readonly StoredVersion[]) =>
  versions.map((v) => `${v.key}@${v.versionId}${v.isLatest ? '*' : ''}`);

/**
 * a: three versions written in the order zzz, aaa, mmm (so newest first is mmm, aaa, zzz:
 * order of writing, not of version id); b: the 'null' version; c: two versions.
 */
async function history(store: MetadataStore): Promise<void> {
  await store.createBucket(bucket('b'));
  const writes = [['a', 'zzz'], ['c', 'c1'], ['a', 'aaa'], ['b', 'null'], ['a', 'mmm'], ['c', 'c2']] as const;
  for (const [i, [key, versionId]] of writes.entries()) {
    const segments = [{ blobId: `${key}-${versionId}`, size: 5 }];
    await store.putObject(object('b', key, { versionId, lastModified: T0 + i, segments }));
  }
}

const ALL = ['a@mmm*', 'a@aaa', 'a@zzz', 'b@null*', 'c@c2*', 'c@c1'];

export function versionTests(suite: Suite<MetadataStore>): void {
  describe('versions', () => {
    suite.test('scanVersions: keys ascending, versions newest first, one latest per key', async (store) => {
      await history(store);
      assert.deepEqual(ids(await store.scanVersions('b', { prefix: '', limit: 100 })), ALL);
      assert.deepEqual(ids(await store.scanVersions('b', { prefix: 'c', limit: 100 })), ['c@c2*', 'c@c1']);
    });

    suite.test('getObject reads the latest or a named version', async (store) => {
      await history(store);
      assert.equal((await store.getObject('b', 'a'))?.versionId, 'mmm');
      const old = await store.getObject('b', 'a', 'zzz');
      assert.equal(old?.isLatest, false);
      assert.equal(old?.kind === 'object' && old.segments[0]?.blobId, 'a-zzz');
    });

    suite.test('key marker alone resumes after all versions of that key', async (store) => {
      await history(store);
      const scan = (o: Partial<VersionScanOptions>) => store.scanVersions('b', { prefix: '', limit: 100, ...o });
      assert.deepEqual(ids(await scan({ keyMarker: 'a' })), ['b@null*', 'c@c2*', 'c@c1']);
      assert.deepEqual(ids(await scan({ keyMarker: 'a0' })), ['b@null*', 'c@c2*', 'c@c1']);
      assert.deepEqual(ids(await scan({ keyMarker: 'c' })), []);
    });

    suite.test('key and version-id markers resume after that version', async (store) => {
      await history(store);
      const scan = (o: Partial<VersionScanOptions>) => store.scanVersions('b', { prefix: '', limit: 100, ...o });
      assert.deepEqual(ids(await scan({ keyMarker: 'a', versionIdMarker: 'mmm' })), ALL.slice(1));
      assert.deepEqual(ids(await scan({ keyMarker: 'a', versionIdMarker: 'aaa' })), ALL.slice(2));
      assert.deepEqual(ids(await scan({ keyMarker: 'a', versionIdMarker: 'zzz' })), ALL.slice(3));
      assert.deepEqual(ids(await scan({ keyMarker: 'a', versionIdMarker: 'aaa', limit: 2 })), ['a@zzz', 'b@null*']);
    });

    suite.test('paging with markers visits every version once', async (store) => {
      await history(store);
      for (const limit of [1, 2, 4]) {
        const seen: string[] = [];
        let markers: Partial<VersionScanOptions> = {};
        for (let pages = 0; ; pages++) {
          assert.ok(pages < 100, 'paging does not advance');
          const page = await store.scanVersions('b', { prefix: '', limit, ...markers });
          seen.push(...ids(page));
          if (page.length < limit) break;
          markers = { keyMarker: page.at(-1)!.key, versionIdMarker: page.at(-1)!.versionId };
        }
        assert.deepEqual(seen, ALL, `limit ${limit}`);
      }
    });

    suite.test('a cursor starts at or after a key with all its versions', async (store) => {
      await history(store);
      const scan = (key: string, inclusive: boolean) =>
        store.scanVersions('b', { prefix: '', cursor: { key, inclusive }, limit: 100 });
      assert.deepEqual(ids(await scan('a', true)), ALL);
      assert.deepEqual(ids(await scan('a', false)), ALL.slice(3));
      assert.deepEqual(ids(await scan('b', true)), ALL.slice(3));
    });

    suite.test('deleting the latest version makes the next newest latest', async (store) => {
      await history(store);
      const { removed } = await store.deleteObject('b', 'a', 'mmm');
      assert.equal(removed?.versionId, 'mmm');
      assert.equal((await store.getObject('b', 'a'))?.versionId, 'aaa');
      assert.equal((await store.getObject('b', 'a'))?.isLatest, true);
      await store.deleteObject('b', 'a', 'zzz'); // a non-current version: latest unchanged
      assert.deepEqual(ids(await store.scanVersions('b', { prefix: 'a', limit: 10 })), ['a@aaa*']);
      const current = await store.scanObjects('b', { prefix: '', limit: 10 });
      assert.deepEqual(ids(current), ['a@aaa*', 'b@null*', 'c@c2*']);
    });

    suite.test('a new version keeps the older ones and retires no blob', async (store) => {
      await history(store);
      const c3 = object('b', 'c', { versionId: 'c3', segments: [{ blobId: 'c-c3', size: 5 }] });
      const retired = await store.putObject(c3);
      assert.deepEqual(retired, []);
      assert.deepEqual(ids(await store.scanVersions('b', { prefix: 'c', limit: 10 })), ['c@c3*', 'c@c2', 'c@c1']);
    });

    suite.test('a null version written after versioned ones becomes latest; its rewrite stays latest', async (store) => {
      await history(store);
      const nullVersion = (blobId: string) => object('b', 'a', { segments: [{ blobId, size: 5 }] });
      const versionsOfA = async () => ids(await store.scanVersions('b', { prefix: 'a', limit: 10 }));
      await store.putObject(nullVersion('a-null-1'));
      assert.deepEqual(await versionsOfA(), ['a@null*', 'a@mmm', 'a@aaa', 'a@zzz']);
      assert.deepEqual(await store.putObject(nullVersion('a-null-2')), ['a-null-1']);
      assert.deepEqual(await versionsOfA(), ['a@null*', 'a@mmm', 'a@aaa', 'a@zzz']);
    });
  });
}
