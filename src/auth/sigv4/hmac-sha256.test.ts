import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { hmacSha256Hex } from './hmac-sha256.ts';

test('equals node\'s HMAC-SHA256 for signing keys and strings to sign', () => {
  for (const length of [0, 1, 31, 32, 64, 65, 200]) {
    const key = randomBytes(32);
    const message = 'x'.repeat(length);
    assert.equal(hmacSha256Hex(key, message), createHmac('sha256', key).update(message).digest('hex'), String(length));
  }
});

test('RFC 4231 test case 2 and keys of any length', () => {
  assert.equal(
    hmacSha256Hex(Buffer.from('Jefe'), 'what do ya want for nothing?'),
    '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
  );
  for (const length of [16, 64, 65, 131]) {
    const key = randomBytes(length);
    assert.equal(hmacSha256Hex(key, 'msg'), createHmac('sha256', key).update('msg').digest('hex'));
  }
});

test('the message is read as latin1 bytes', () => {
  const key = randomBytes(32);
  assert.equal(hmacSha256Hex(key, 'é'), createHmac('sha256', key).update(Buffer.from([0xe9])).digest('hex'));
});
