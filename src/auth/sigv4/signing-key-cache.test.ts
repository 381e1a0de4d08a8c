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
  const nextDay = cache.get(req('A', '20130525'));
  assert.notEqual(nextDay, first);
  assert.notEqual(cache.get({ ...req('A'), region: 'eu-west-1' }), first);
  assert.notEqual(cache.get({ ...req('A'), service: 'sts' }), first);
  assert.equal(cache.get(req('A')), first);
  assert.equal(cache.get(req('A', '20130525')), nextDay);
  assert.equal(cache.size, 4);
});

test('bounded per identity: the least recently derived scope goes', () => {
  const cache = new SigningKeyCache();
  const days = ['20130520', '20130521', '20130522', '20130523', '20130524'];
  const keys = days.map((d) => cache.get(req('A', d)));
  assert.equal(cache.size, 4);
  assert.equal(cache.get(req('A', '20130524')), keys[4]);
  assert.notEqual(cache.get(req('A', '20130520')), keys[0], 'the oldest day was dropped and derived again');
});

test('bounded overall: the identities cached first go', () => {
  const cache = new SigningKeyCache({ maxEntries: 2 });
  const a = cache.get(req('A'));
  cache.get(req('B'));
  cache.get(req('C'));
  assert.equal(cache.size, 2);
  assert.notEqual(cache.get(req('A')), a, 'A was evicted and derived again');
  assert.equal(cache.size, 2);
});

test('forget drops every key of one identity only', () => {
  const cache = new SigningKeyCache();
  cache.get(req('A'));
  cache.get(req('A', '20130525'));
  cache.get(req('AB'));
  cache.forget('A');
  cache.forget('nobody');
  assert.equal(cache.size, 1);
});

test('two caches share nothing (no module state)', () => {
  const one = new SigningKeyCache();
  const two = new SigningKeyCache();
  one.get(req('A'));
  assert.equal(two.size, 0);
});
