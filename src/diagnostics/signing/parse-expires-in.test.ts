import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseExpiresIn } from './parse-expires-in.ts';

test('parseExpiresIn: 1s … 7d, bare numbers are seconds', () => {
  assert.equal(parseExpiresIn('3600'), 3600);
  assert.equal(parseExpiresIn('1s'), 1);
  assert.equal(parseExpiresIn('15m'), 900);
  assert.equal(parseExpiresIn('1h'), 3600);
  assert.equal(parseExpiresIn('7d'), 604800);
  assert.equal(parseExpiresIn('604800'), 604800);
});

test('parseExpiresIn: clear errors', () => {
  assert.throws(() => parseExpiresIn('8d'), /"8d" is 691200 seconds, longer than 7 days \(604800 seconds\)/);
  assert.throws(() => parseExpiresIn('604801'), /longer than 7 days/);
  assert.throws(() => parseExpiresIn('0'), /must be at least 1s/);
  assert.throws(() => parseExpiresIn('-5m'), /must be at least 1s/);
  assert.throws(() => parseExpiresIn('1500ms'), /not a whole number of seconds/);
  assert.throws(() => parseExpiresIn('soon'), /"soon" is not a duration \(examples: 3600 \(seconds\), 90s/);
});
