import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { stringToSign } from './string-to-sign.ts';

test('algorithm, time, scope, hex SHA-256 of the canonical request; no final newline (sigv4.md §3.4 a)', () => {
  const cr =
    'GET\n/test.txt\n\nhost:examplebucket.s3.amazonaws.com\nrange:bytes=0-9\nx-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\nx-amz-date:20130524T000000Z\n\nhost;range;x-amz-content-sha256;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
  assert.equal(
    stringToSign('20130524T000000Z', '20130524/us-east-1/s3/aws4_request', cr),
    'AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972',
  );
});

test('header bytes are hashed as received: node\'s latin1 form of a UTF-8 value hashes like the UTF-8 the client signed', () => {
  const asReceived = Buffer.from('x-amz-meta-a:é', 'utf8').toString('latin1');
  const clientHash = createHash('sha256').update('x-amz-meta-a:é', 'utf8').digest('hex');
  assert.equal(stringToSign('T', 'S', asReceived), `AWS4-HMAC-SHA256\nT\nS\n${clientHash}`);
});
