/**
 * listPage against a brute-force reference of S3's listing semantics
 * (../shared/spec/s3-core.md §6.2): prefix; delimiter roll-up into common prefixes; markers
 * exclusive, a common prefix emitted only if it sorts after the marker; max-keys counting each
 * common prefix once; IsTruncated exact. Items are plain key strings over an in-memory scan.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareUtf8 } from '../../lib/utf8-order.ts';
import { listPage, type ListPageResult, type ScanFrom } from './list-page.ts';

interface Query {
  prefix: string;
  delimiter: string | undefined;
  marker: string | undefined;
  maxKeys: number;
}
type Entry = { kind: 'entry'; key: string } | { kind: 'prefix'; prefix: string };

/** S3's rules, one key at a time, with no cleverness. `keys` sorted in UTF-8 byte order. */
function reference(keys: readonly string[], q: Query) {
  const all: Entry[] = [];
  for (const key of keys) {
    if (!key.startsWith(q.prefix)) continue;
    const rest = key.slice(q.prefix.length);
    const at = q.delimiter ? rest.indexOf(q.delimiter) : -1;
    if (at !== -1) {
      const prefix = q.prefix + rest.slice(0, at + q.delimiter!.length);
      if (q.marker !== undefined && compareUtf8(prefix, q.marker) <= 0) continue;
      const prev = all[all.length - 1];
      if (prev?.kind === 'prefix' && prev.prefix === prefix) continue;
      all.push({ kind: 'prefix', prefix });
    } else {
      if (q.marker !== undefined && compareUtf8(key, q.marker) <= 0) continue;
      all.push({ kind: 'entry', key });
    }
  }
  const page = all.slice(0, Math.max(0, q.maxKeys));
  return {
    entries: page.flatMap((e) => (e.kind === 'entry' ? [e.key] : [])),
    commonPrefixes: page.flatMap((e) => (e.kind === 'prefix' ? [e.prefix] : [])),
    isTruncated: all.length > page.length,
    last: page[page.length - 1],
    all,
  };
}

/** An in-memory store scan over sorted keys, limited to the prefix; records every call. */
function memoryScan(keys: readonly string[], prefix: string) {
  const calls: Array<{ from: ScanFrom<string>; limit: number; returned: number }> = [];
  const scan = async (from: ScanFrom<string>, limit: number): Promise<string[]> => {
    const out: string[] = [];
    for (const k of keys) {
      if (out.length === limit) break;
      if (!k.startsWith(prefix)) continue;
      if (from !== undefined && ('after' in from ? compareUtf8(k, from.after) <= 0 : compareUtf8(k, from.atKey) < 0)) continue;
      out.push(k);
    }
    calls.push({ from, limit, returned: out.length });
    return out;
  };
  return { scan, calls };
}

/** Runs listPage as the ListObjects handlers do: the first scan starts just after the marker. */
async function run(keys: readonly string[], q: Query) {
  const { scan, calls } = memoryScan(keys, q.prefix);
  const result = await listPage<string>({
    ...q,
    start: q.marker === undefined ? undefined : { atKey: q.marker + '\u0000' },
    keyOf: (k) => k,
    scan,
  });
  return { result, calls };
}

function lastOf(r: ListPageResult<string>): Entry | undefined {
  if (r.last === undefined) return undefined;
  return r.last.kind === 'entry' ? { kind: 'entry', key: r.last.item } : r.last;
}

async function assertMatchesReference(keys: readonly string[], q: Query): Promise<ListPageResult<string>> {
  const { result } = await run(keys, q);
  const ref = reference(keys, q);
  const label = JSON.stringify({ keys, ...q });
  assert.deepEqual(result.entries, ref.entries, label);
  assert.deepEqual(result.commonPrefixes, ref.commonPrefixes, label);
  assert.equal(result.isTruncated, ref.isTruncated, label);
  assert.deepEqual(lastOf(result), ref.last, label);
  return result;
}

const sorted = (keys: Iterable<string>) => [...new Set(keys)].sort(compareUtf8);

describe('listPage: examples', () => {
  const keys = sorted(['other', 'photos/a.jpg', 'photos/b/1.jpg', 'photos/b/2.jpg', 'photos/c.jpg', 'photos//x', 'photos/d/e/f']);
  const q = (over: Partial<Query>): Query => ({ prefix: 'photos/', delimiter: '/', marker: undefined, maxKeys: 1000, ...over });

  it('rolls keys with the delimiter after the prefix into common prefixes', async () => {
    const { result } = await run(keys, q({}));
    assert.deepEqual(result.entries, ['photos/a.jpg', 'photos/c.jpg']);
    assert.deepEqual(result.commonPrefixes, ['photos//', 'photos/b/', 'photos/d/']);
    assert.equal(result.isTruncated, false);
    assert.deepEqual(result.last, { kind: 'prefix', prefix: 'photos/d/' });
  });

  it('without a delimiter lists every key under the prefix', async () => {
    const { result } = await run(keys, q({ delimiter: undefined }));
    assert.deepEqual(result.entries, ['photos//x', 'photos/a.jpg', 'photos/b/1.jpg', 'photos/b/2.jpg', 'photos/c.jpg', 'photos/d/e/f']);
    assert.deepEqual(result.commonPrefixes, []);
  });

  it('a common prefix counts once against max-keys; IsTruncated only when more follows', async () => {
    const two = await run(keys, q({ maxKeys: 2 }));
    assert.deepEqual([two.result.entries, two.result.commonPrefixes, two.result.isTruncated], [['photos/a.jpg'], ['photos//'], true]);
    const five = await run(keys, q({ maxKeys: 5 }));
    assert.equal(five.result.isTruncated, false, 'exactly five results: not truncated');
    const four = await run(keys, q({ maxKeys: 4 }));
    assert.equal(four.result.isTruncated, true);
    assert.deepEqual(four.result.last, { kind: 'entry', item: 'photos/c.jpg' });
  });

  it('max-keys=0 → empty page, not truncated, and no scan at all', async () => {
    const { result, calls } = await run(keys, q({ maxKeys: 0 }));
    assert.deepEqual(result, { entries: [], commonPrefixes: [], isTruncated: false, last: undefined });
    assert.equal(calls.length, 0);
  });

  it('a multi-character delimiter, and a prefix that ends inside one, roll up by the remainder only', async () => {
    const ks = sorted(['a--b--c', 'a--d', 'a-x', 'b']);
    await assertMatchesReference(ks, { prefix: '', delimiter: '--', marker: undefined, maxKeys: 10 });
    await assertMatchesReference(ks, { prefix: 'a-', delimiter: '--', marker: undefined, maxKeys: 10 });
    const { result } = await run(ks, { prefix: 'a-', delimiter: '--', marker: undefined, maxKeys: 10 });
    assert.deepEqual([result.entries, result.commonPrefixes], [['a--d', 'a-x'], ['a--b--']]);
  });

  it('marker folder/aSubfolder/subFile1 skips the whole folder/aSubfolder/ group (§6.2)', async () => {
    const ks = sorted([...Array.from({ length: 10 }, (_, i) => `folder/aSubfolder/subFile${i}`), 'folder/b', 'folder/c/d']);
    const { result, calls } = await run(ks, { prefix: 'folder/', delimiter: '/', marker: 'folder/aSubfolder/subFile1', maxKeys: 1000 });
    assert.deepEqual([result.entries, result.commonPrefixes], [['folder/b'], ['folder/c/']]);
    assert.deepEqual(calls.map((c) => c.from), [
      { atKey: 'folder/aSubfolder/subFile1\u0000' },
      { atKey: 'folder/aSubfolder0' }, // one jump past the group
      { atKey: 'folder/c0' },
    ]);
  });

  it('a marker before a group keeps it; a marker equal to the common prefix drops it', async () => {
    const ks = sorted(['a/1', 'a/2', 'b']);
    const before = await run(ks, { prefix: '', delimiter: '/', marker: 'a', maxKeys: 10 });
    assert.deepEqual(before.result.commonPrefixes, ['a/']);
    const equal = await run(ks, { prefix: '', delimiter: '/', marker: 'a/', maxKeys: 10 });
    assert.deepEqual([equal.result.entries, equal.result.commonPrefixes], [['b'], []]);
  });
});

describe('listPage: scan cost', () => {
  const group = (n: number) => sorted(['a', ...Array.from({ length: n }, (_, i) => `b/${String(i).padStart(5, '0')}`), 'c']);

  for (const size of [3, 5000]) {
    it(`a delimiter group of ${size} keys costs one jump`, async () => {
      const { result, calls } = await run(group(size), { prefix: '', delimiter: '/', marker: undefined, maxKeys: 1000 });
      assert.deepEqual([result.entries, result.commonPrefixes, result.isTruncated], [['a', 'c'], ['b/'], false]);
      assert.equal(calls.length, 2);
      assert.deepEqual(calls[0]!.from, undefined);
      assert.deepEqual(calls[1]!.from, { atKey: 'b0' });
      assert.equal(calls[1]!.returned, 1, 'the scan after the jump starts at c');
    });
  }

  it('the first scan asks for max-keys + 1 items, so IsTruncated needs no extra call', async () => {
    const ks = sorted(['a', 'b', 'c', 'd']);
    const { result, calls } = await run(ks, { prefix: '', delimiter: undefined, marker: undefined, maxKeys: 3 });
    assert.equal(result.isTruncated, true);
    assert.deepEqual(calls.map((c) => [c.limit, c.returned]), [[4, 4]]);
  });

  it('pages of 1000 over 2500 keys fetch in batches and stay exact', async () => {
    const ks = sorted(Array.from({ length: 2500 }, (_, i) => `k${String(i).padStart(4, '0')}`));
    const first = await assertMatchesReference(ks, { prefix: '', delimiter: undefined, marker: undefined, maxKeys: 1000 });
    assert.equal(first.entries.length, 1000);
    const last = await assertMatchesReference(ks, { prefix: '', delimiter: undefined, marker: 'k1999', maxKeys: 1000 });
    assert.deepEqual([last.entries.length, last.isTruncated], [500, false]);
  });

  it('exactly 1000 keys with max-keys 1000: a full batch, then nothing more, is not truncated', async () => {
    const ks = sorted(Array.from({ length: 1000 }, (_, i) => `k${String(i).padStart(4, '0')}`));
    const page = await assertMatchesReference(ks, { prefix: '', delimiter: undefined, marker: undefined, maxKeys: 1000 });
    assert.deepEqual([page.entries.length, page.isTruncated], [1000, false]);
    const withGroup = await assertMatchesReference([...ks, 'z/1', 'z/2'], { prefix: '', delimiter: '/', marker: undefined, maxKeys: 1000 });
    assert.deepEqual([withGroup.commonPrefixes, withGroup.isTruncated], [[], true]);
  });
});

/** mulberry32: a small seeded PRNG, so failures reproduce. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = ['a', 'b', '/', '\u00e9', '\u{1f600}', '\uffff'];

function word(rand: () => number, min: number, max: number): string {
  const n = min + Math.floor(rand() * (max - min + 1));
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(rand() * ALPHABET.length)];
  return s;
}

describe('listPage: paging property (seeded)', () => {
  it('paging with `last` as the next marker yields exactly the reference listing', async () => {
    const rand = prng(0x5eed);
    const delimiters = [undefined, '/', '/', '\u00e9', '\uffff', '\u{1f600}', '/a'];
    for (let c = 0; c < 300; c++) {
      const keys = sorted(Array.from({ length: Math.floor(rand() * 30) }, () => word(rand, 1, 5)));
      const prefix = rand() < 0.5 ? '' : word(rand, 1, 2);
      const delimiter = delimiters[Math.floor(rand() * delimiters.length)];
      const startMarker = rand() < 0.7 ? undefined : word(rand, 1, 4);
      const everything = reference(keys, { prefix, delimiter, marker: startMarker, maxKeys: Infinity }).all;
      for (let maxKeys = 1; maxKeys <= 5; maxKeys++) {
        const seen: Entry[] = [];
        let marker = startMarker;
        for (let pages = 0; ; pages++) {
          assert.ok(pages <= everything.length, 'paging terminates');
          const page = await assertMatchesReference(keys, { prefix, delimiter, marker, maxKeys });
          // Within a page, entries and common prefixes interleave in key order; pages follow each other.
          const onPage: Entry[] = [
            ...page.entries.map((key): Entry => ({ kind: 'entry', key })),
            ...page.commonPrefixes.map((prefix): Entry => ({ kind: 'prefix', prefix })),
          ];
          seen.push(...onPage.sort((x, y) => compareUtf8(x.kind === 'entry' ? x.key : x.prefix, y.kind === 'entry' ? y.key : y.prefix)));
          if (!page.isTruncated) break;
          const last = lastOf(page)!;
          marker = last.kind === 'entry' ? last.key : last.prefix;
        }
        assert.deepEqual(seen, everything, JSON.stringify({ keys, prefix, delimiter, startMarker, maxKeys }));
      }
    }
  });
});
