import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deriveSigningKey } from './derive-signing-key.ts';

test('kSigning test vector of sigv4.md §1', () => {
  assert.equal(
    deriveSigningKey('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '20130524', 'us-east-1', 's3').toString('hex'),
    'dbb893acc010964918f1fd433add87c70e8b0db6be30c1fbeafefa5ec6ba8378',
  );
});

test('every scope part changes the key', () => {
  const base = deriveSigningKey('secret', '20130524', 'us-east-1', 's3').toString('hex');
  assert.notEqual(deriveSigningKey('secret', '20130525', 'us-east-1', 's3').toString('hex'), base);
  assert.notEqual(deriveSigningKey('secret', '20130524', 'us-west-2', 's3').toString('hex'), base);
  assert.notEqual(deriveSigningKey('secret', '20130524', 'us-east-1', 'sts').toString('hex'), base);
  assert.notEqual(deriveSigningKey('secreT', '20130524', 'us-east-1', 's3').toString('hex'), base);
});
