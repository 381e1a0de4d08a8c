import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sha256Hex } from './sha256-hex.ts';
import { EMPTY_SHA256 } from './constants.ts';

test('hex SHA-256 of ASCII text and of latin1 byte strings', () => {
  assert.equal(sha256Hex(''), EMPTY_SHA256);
  assert.equal(sha256Hex('Welcome to Amazon S3.'), '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072');
  const bytes = Buffer.from([0x61, 0xc3, 0xa9, 0xff]);
  assert.equal(sha256Hex(bytes.toString('latin1')), createHash('sha256').update(bytes).digest('hex'));
});
