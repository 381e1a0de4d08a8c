import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareUtf8, prefixUpperBound } from '../../lib/utf8-order.ts';
import { scanStart } from './key-range.ts';

// The store's range queries rest on these two lib helpers; their cases are pinned here.

describe('prefixUpperBound', () => {
  const cases: Array<[string, string | undefined]> = [
    ['', undefined],
    ['a', 'b'],
    ['photos/', 'photos0'],
    ['caf\u00e9', 'caf\u00ea'],
    ['\ud7ff', '\ue000'], // skips the surrogate block
    ['x\uffff', 'x\u{10000}'], // BMP end → first supplementary code point
    ['a\u{1f600}', 'a\u{1f601}'],
    ['a\u{10ffff}', 'b'], // carry
    ['a\u{10ffff}\u{10ffff}', 'b'],
    ['\u{10ffff}', undefined],
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
      assert.ok(compareUtf8(inside, bound) < 0, inside);
    }
    assert.ok(compareUtf8('a\u{10ffff}', 'b') < 0);
  });
});

describe('compareUtf8', () => {
  it('orders supplementary characters after U+FFFF, unlike UTF-16', () => {
    assert.ok('\u{1f600}' < '\uffff'); // JS: surrogate 0xD83D < 0xFFFF
    assert.ok(compareUtf8('\u{1f600}', '\uffff') > 0); // UTF-8: F0 > EF
  });
});

describe('scanStart', () => {
  it('uses the prefix without a cursor or with one before it', () => {
    assert.equal(scanStart('b/'), 'b/');
    assert.equal(scanStart('b/', { key: 'a', inclusive: false }), 'b/');
  });
  it('turns an exclusive cursor into an inclusive one just after it', () => {
    assert.equal(scanStart('b/', { key: 'b/x', inclusive: false }), 'b/x\u0000');
    assert.equal(scanStart('b/', { key: 'b/x', inclusive: true }), 'b/x');
    assert.equal(scanStart('b/', { key: 'b/', inclusive: false }), 'b/\u0000');
  });
});
