/**
 * UTF-8 byte order (../shared/spec/s3-core.md §1.2, §6.2: keys compare as raw UTF-8 bytes).
 * The oracle throughout is Buffer.compare over the UTF-8 encodings.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareUtf8, prefixUpperBound } from './utf8-order.ts';

/** mulberry32: a small seeded PRNG, so failures reproduce. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const bytes = (s: string) => Buffer.from(s, 'utf8');
const byteOrder = (a: string, b: string) => Buffer.compare(bytes(a), bytes(b));

/** A valid code point (never a surrogate) from a mix of ranges, edges included. */
function codePoint(rand: () => number): number {
  const edges = [0x00, 0x2f, 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x1f600, 0x10fffe, 0x10ffff];
  const r = rand();
  if (r < 0.2) return edges[Math.floor(rand() * edges.length)]!;
  if (r < 0.5) return 0x20 + Math.floor(rand() * 0x5f);
  if (r < 0.65) return 0x80 + Math.floor(rand() * 0x780);
  if (r < 0.8) {
    const cp = 0x800 + Math.floor(rand() * (0x10000 - 0x800 - 0x800));
    return cp >= 0xd800 ? cp + 0x800 : cp; // skip the surrogate block
  }
  return 0x10000 + Math.floor(rand() * 0x100000);
}

function randomString(rand: () => number, maxLength: number): string {
  let s = '';
  const n = Math.floor(rand() * (maxLength + 1));
  for (let i = 0; i < n; i++) s += String.fromCodePoint(codePoint(rand));
  return s;
}

describe('compareUtf8', () => {
  it('orders supplementary characters after U+FFFF, unlike UTF-16', () => {
    assert.ok('\u{1f600}' < '\uffff'); // JS: surrogate 0xD83D < 0xFFFF
    assert.ok(compareUtf8('\u{1f600}', '\uffff') > 0); // UTF-8: F0 > EF
    assert.ok(compareUtf8('\uffff', '\u{1f600}') < 0);
    assert.ok(compareUtf8('\ue000', '\u{10000}') < 0);
    assert.ok(compareUtf8('\ud7ff', '\u{10000}') < 0);
  });

  it('examples: equal, prefix, ASCII, é, emoji', () => {
    const rows: Array<[string, string, -1 | 0 | 1]> = [
      ['', '', 0],
      ['', 'a', -1],
      ['a', 'a', 0],
      ['a', 'a/', -1],
      ['a/', 'a0', -1],
      ['a/b', 'a-b', 1],
      ['Z', 'a', -1],
      ['caf\u00e9', 'cafe', 1],
      ['caf\u00e9', 'caf\u00e9s', -1],
      ['\u{1f600}', '\u{1f601}', -1],
      ['\u{1f600}a', '\u{1f600}', 1],
      ['\u{10ffff}', '\u{10000}', 1],
    ];
    for (const [a, b, sign] of rows) {
      assert.equal(Math.sign(compareUtf8(a, b)), sign, `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
      assert.equal(Math.sign(byteOrder(a, b)), sign, 'oracle agrees');
    }
  });

  it('agrees with Buffer.compare of the UTF-8 bytes for random strings (seeded)', () => {
    const rand = prng(0xc0ffee);
    for (let i = 0; i < 3000; i++) {
      const a = randomString(rand, 6);
      // Half the time b shares a prefix with a, so deep differences are exercised too.
      const b = rand() < 0.5 ? [...a].slice(0, Math.floor(rand() * 4)).join('') + randomString(rand, 3) : randomString(rand, 6);
      assert.equal(Math.sign(compareUtf8(a, b)), Math.sign(byteOrder(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
      assert.equal(Math.sign(compareUtf8(b, a)) + Math.sign(compareUtf8(a, b)), 0, 'antisymmetric');
    }
  });

  it('sorting with it equals sorting the UTF-8 byte strings', () => {
    const rand = prng(7);
    const keys = Array.from({ length: 500 }, () => randomString(rand, 5));
    const byCompare = [...keys].sort(compareUtf8);
    const byBytes = [...keys].sort(byteOrder);
    assert.deepEqual(byCompare, byBytes);
  });
});

describe('prefixUpperBound', () => {
  const cases: Array<[string, string | undefined]> = [
    ['', undefined],
    ['a', 'b'],
    ['photos/', 'photos0'],
    ['caf\u00e9', 'caf\u00ea'],
    ['\u007f', '\u0080'], // 1-byte → 2-byte
    ['\u07ff', '\u0800'], // 2-byte → 3-byte
    ['\ud7ff', '\ue000'], // skips the surrogate block
    ['x\uffff', 'x\u{10000}'], // BMP end → first supplementary code point
    ['a\u{1f600}', 'a\u{1f601}'],
    ['a\u{10ffff}', 'b'], // carry
    ['a\u{10ffff}\u{10ffff}', 'b'],
    ['\u{10ffff}', undefined],
    ['\u{10ffff}\u{10ffff}', undefined],
  ];
  for (const [prefix, bound] of cases) {
    it(`${JSON.stringify(prefix)} → ${JSON.stringify(bound)}`, () => {
      assert.equal(prefixUpperBound(prefix), bound);
    });
  }

  it('bounds every string with the prefix and nothing between', () => {
    const prefix = 'a\u{10ffff}';
    const bound = prefixUpperBound(prefix)!;
    for (const inside of [prefix, prefix + '\u{10ffff}', prefix + '\uffff', prefix + 'z']) {
      assert.ok(byteOrder(inside, bound) < 0, inside);
    }
    assert.ok(byteOrder('a\u{10ffff}', 'b') < 0);
  });

  /**
   * The strings with prefix p are exactly those in [p, bound) in byte order. That says both
   * that every such string sorts below the bound and that the bound is the smallest one: a
   * smaller upper bound b' would lie in [p, bound), so it would itself have the prefix, and
   * b' + 'x' (which also has it) would sort above it.
   */
  it('random prefixes: has the prefix ⟺ p ≤ s < bound (seeded)', () => {
    const rand = prng(20240601);
    for (let i = 0; i < 400; i++) {
      const p = randomString(rand, 4);
      const bound = prefixUpperBound(p);
      if (bound !== undefined) {
        assert.ok(byteOrder(p, bound) < 0);
        assert.ok(!bound.startsWith(p), 'the bound itself lacks the prefix');
      } else {
        assert.ok([...p].every((c) => c === '\u{10ffff}'), `no bound only for U+10FFFF… or '' (${JSON.stringify(p)})`);
      }
      const cps = [...p];
      const near = (): string => {
        const r = rand();
        if (r < 0.3) return p + randomString(rand, 3);
        if (r < 0.45) return cps.slice(0, Math.floor(rand() * cps.length)).join('') + randomString(rand, 3);
        if (r < 0.6 && bound !== undefined) return bound + randomString(rand, 2);
        if (r < 0.8 && cps.length > 0) {
          const last = cps[cps.length - 1]!.codePointAt(0)!;
          const step = rand() < 0.5 ? -1 : 1;
          let cp = last + step;
          if (cp >= 0xd800 && cp < 0xe000) cp = step > 0 ? 0xe000 : 0xd7ff;
          if (cp < 0 || cp > 0x10ffff) return randomString(rand, 4);
          return cps.slice(0, -1).join('') + String.fromCodePoint(cp) + randomString(rand, 2);
        }
        return randomString(rand, 4);
      };
      for (let j = 0; j < 25; j++) {
        const s = near();
        const inRange = byteOrder(s, p) >= 0 && (bound === undefined || byteOrder(s, bound) < 0);
        assert.equal(s.startsWith(p), inRange, `p=${JSON.stringify(p)} s=${JSON.stringify(s)} bound=${JSON.stringify(bound)}`);
      }
    }
  });
});
