import { test } from 'node:test';
import assert from 'node:assert/strict';
import { S3Error } from '../../s3/errors/s3-error.ts';
import { checkContentSha256 } from './check-content-sha256.ts';

const MESSAGE =
  'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER or a valid sha256 value.';

test('accepts a lower-case hex SHA-256 and every literal of sigv4.md §2.5', () => {
  for (const v of [
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    'UNSIGNED-PAYLOAD',
    'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
    'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
    'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
    'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD',
    'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER',
  ]) {
    assert.equal(checkContentSha256(v), v);
  }
});

test('anything else: 400 InvalidArgument naming the header and value', () => {
  for (const v of ['', 'unsigned-payload', 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855', 'abc']) {
    assert.throws(
      () => checkContentSha256(v),
      (e: unknown) =>
        e instanceof S3Error &&
        e.code === 'InvalidArgument' &&
        e.message === MESSAGE &&
        JSON.stringify(e.fields) === JSON.stringify([['ArgumentName', 'x-amz-content-sha256'], ['ArgumentValue', v]]),
      v,
    );
  }
});
