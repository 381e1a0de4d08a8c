import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanStart } from './key-range.ts';

// compareUtf8 and prefixUpperBound, which the store's range queries rest on, are tested in
// src/lib/utf8-order.test.ts.

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
