import { test } from 'node:test';
import assert from 'node:assert/strict';
import { genericCanonicalUri } from './generic-canonical-uri.ts';

test('other services encode the already-encoded path again (sigv4.md §2.2 table)', () => {
  assert.equal(genericCanonicalUri('/test%24file.text', { normalize: true }), '/test%2524file.text');
  assert.equal(genericCanonicalUri('/example space/', { normalize: true }), '/example%20space/');
  assert.equal(genericCanonicalUri('/ሴ', { normalize: true }), '/%E1%88%B4');
  assert.equal(genericCanonicalUri('/a%20b', { normalize: false }), '/a%2520b');
});

test('normalisation only when asked', () => {
  assert.equal(genericCanonicalUri('//example//', { normalize: true }), '/example/');
  assert.equal(genericCanonicalUri('//example//', { normalize: false }), '//example//');
  assert.equal(genericCanonicalUri('/example/..', { normalize: true }), '/');
  assert.equal(genericCanonicalUri('', { normalize: false }), '/');
});
