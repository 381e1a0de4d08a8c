import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { MetadataStore } from '../../metadata-store.ts';
import type { ScanCursor } from '../../types.ts';
import type { Suite } from '../harness.ts';
import { bucket, byUtf8, keysOf, object, TRICKY_KEYS } from './fixtures.ts';

/** Prefixes whose upper bound needs care: carries past U+10FFFF, the surrogate gap, non-ASCII. */
const PREFIXES = ['', 'a', 'a/', 'a/b', 'caf', 'café', '😀', '\ud7ff', '\uffff', '\u{10ffff}', 'é', '.', 'k', 'zz'];

async function fill(store: MetadataStore, keys: readonly string[]): Promise<void> {
  await store.createBucket(bucket('b'));
  for (const key of keys) await store.putObject(object('b', key));
}

export function listingTests(suite: Suite<MetadataStore>): void {
  describe('scanObjects', () => {
    suite.test('lists keys in UTF-8 byte order', async (store) => {
      await fill(store, TRICKY_KEYS);
      const keys = keysOf(await store.scanObjects('b', { prefix: '', limit: 1000 }));
      assert.deepEqual(keys, [...TRICKY_KEYS].sort(byUtf8));
      // Spelled out: U+FFFF (EF BF BF) before U+10000 (F0 90 80 80), the reverse of UTF-16 order.
      assert.ok(keys.indexOf('\uffff') < keys.indexOf('\u{10000}'));
      assert.ok(keys.indexOf('\ue000') < keys.indexOf('😀'));
      assert.ok(keys.indexOf('a/') < keys.indexOf('a//b') && keys.indexOf('a b') < keys.indexOf('a/'));
    });

    suite.test('prefix selects exactly the keys that start with it', async (store) => {
      await fill(store, TRICKY_KEYS);
      for (const prefix of PREFIXES) {
        const expected = TRICKY_KEYS.filter((k) => k.startsWith(prefix)).sort(byUtf8);
        assert.deepEqual(keysOf(await store.scanObjects('b', { prefix, limit: 1000 })), expected, `prefix ${prefix}`);
      }
    });

    suite.test('a cursor starts strictly after or at its key, never before the prefix', async (store) => {
      await fill(store, ['a', 'b', 'b/1', 'b/2', 'c']);
      const scan = (prefix: string, cursor: ScanCursor) => store.scanObjects('b', { prefix, cursor, limit: 10 });
      assert.deepEqual(keysOf(await scan('', { key: 'b', inclusive: false })), ['b/1', 'b/2', 'c']);
      assert.deepEqual(keysOf(await scan('', { key: 'b', inclusive: true })), ['b', 'b/1', 'b/2', 'c']);
      assert.deepEqual(keysOf(await scan('', { key: 'b/', inclusive: false })), ['b/1', 'b/2', 'c']);
      assert.deepEqual(keysOf(await scan('b/', { key: 'a', inclusive: false })), ['b/1', 'b/2']);
      assert.deepEqual(keysOf(await scan('b/', { key: 'b/1', inclusive: false })), ['b/2']);
      assert.deepEqual(keysOf(await scan('b/', { key: 'b/2', inclusive: false })), []);
      assert.deepEqual(keysOf(await scan('', { key: 'zzz', inclusive: true })), []);
      // After a key, a key with it as a prefix still follows; a NUL-ish successor is not skipped.
      await store.putObject(object('b', 'b\u0001'));
      assert.deepEqual(keysOf(await scan('b', { key: 'b', inclusive: false })), ['b\u0001', 'b/1', 'b/2']);
    });

    suite.test('paging by exclusive cursor visits every key once', async (store) => {
      await fill(store, TRICKY_KEYS);
      for (const prefix of ['', 'a', '\uffff']) {
        const seen: string[] = [];
        let cursor: ScanCursor | undefined;
        for (let pages = 0; ; pages++) {
          assert.ok(pages < 100, 'paging does not advance');
          const page = await store.scanObjects('b', { prefix, cursor, limit: 3 });
          seen.push(...keysOf(page));
          if (page.length < 3) break;
          cursor = { key: page.at(-1)!.key, inclusive: false };
        }
        assert.deepEqual(seen, TRICKY_KEYS.filter((k) => k.startsWith(prefix)).sort(byUtf8));
      }
    });

    suite.test('limit 0 returns nothing', async (store) => {
      await fill(store, ['a', 'b']);
      assert.deepEqual(await store.scanObjects('b', { prefix: '', limit: 0 }), []);
    });

    suite.test('lists only current objects of its own bucket, as full records', async (store) => {
      await fill(store, ['a']);
      await store.createBucket(bucket('other'));
      await store.putObject(object('other', 'a2'));
      await store.putObject(object('b', 'v', { versionId: 'v1', etag: '1'.repeat(32) }));
      await store.putObject(object('b', 'v', { versionId: 'v2', etag: '2'.repeat(32) }));
      const page = await store.scanObjects('b', { prefix: '', limit: 10 });
      assert.deepEqual(page, [object('b', 'a'), object('b', 'v', { versionId: 'v2', etag: '2'.repeat(32) })]);
    });
  });
}
