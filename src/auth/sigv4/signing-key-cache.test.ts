import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SigningKeyCache } from './signing-key-cache.ts';
import { deriveSigningKey } from './derive-signing-key.ts';

const req = (identity: string, date = '20130524') => ({ identity, secret: 'secret-' + identity, date, region: 'us-east-1', service: 's3' });

test('derives once per (identity, date, region, service) and returns the same key after', () => {
  const cache = new SigningKeyCache();
  const first = cache.get(req('A'));
  assert.deepEqual(first, deriveSigningKey('secret-A', '20130524', 'us-east-1', 's3'));
  assert.equal(cache.get(req('A')), first);
  assert.notEqual(cache.get(req('A', '20130525')), first);
  assert.notEqual(cache.get({ ...req('A'), service: 'sts' }), first);
  assert.equal(cache.size, 3);
});

test('bounded: the oldest entry goes first', () => {
  const cache = new SigningKeyCache({ maxEntries: 2 });
  const a = cache.get(req('A'));
  cache.get(req('B'));
  cache.get(req('C'));
  assert.equal(cache.size, 2);
  assert.notEqual(cache.get(req('A')), a, 'A was evicted and derived again');
});

test('forget drops every key of one identity only', () => {
  const cache = new SigningKeyCache();
  cache.get(req('A'));
  cache.get(req('A', '20130525'));
  cache.get(req('AB'));
  cache.forget('A');
  assert.equal(cache.size, 1);
});

test('two caches share nothing (no module state)', () => {
  const one = new SigningKeyCache();
  const two = new SigningKeyCache();
  one.get(req('A'));
  assert.equal(two.size, 0);
});
