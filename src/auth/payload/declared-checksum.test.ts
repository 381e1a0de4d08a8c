/** Declared flexible checksums and their verification, with AWS's errors (s3-core.md §9, errors.md §7). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { S3Error } from '../../s3/errors/s3-error.ts';
import { RequestHeaders } from '../../s3/s3-request.ts';
import { declaredChecksum, verifyDeclaredChecksum } from './declared-checksum.ts';

const h = (obj: Record<string, string>) => RequestHeaders.fromObject(obj);

function throwsInvalidRequest(fn: () => unknown, message: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof S3Error);
    assert.equal(e.code, 'InvalidRequest');
    assert.equal(e.status, 400);
    assert.equal(e.message, message);
    return true;
  });
}

describe('declaredChecksum', () => {
  it('none', () => {
    assert.equal(declaredChecksum(h({ 'content-length': '3' })), undefined);
    assert.equal(declaredChecksum(h({ 'x-amz-checksum-algorithm': 'CRC32', 'x-amz-checksum-type': 'COMPOSITE', 'x-amz-checksum-mode': 'ENABLED' })), undefined);
  });

  it('a header, with or without x-amz-sdk-checksum-algorithm', () => {
    assert.deepEqual(declaredChecksum(h({ 'x-amz-checksum-crc32': 'DUoRhQ==' })), { algorithm: 'CRC32', location: 'header', value: 'DUoRhQ==' });
    assert.deepEqual(declaredChecksum(h({ 'x-amz-checksum-crc64nvme': 'AAAAAAAAAAA=', 'x-amz-sdk-checksum-algorithm': 'crc64nvme' })), {
      algorithm: 'CRC64NVME',
      location: 'header',
      value: 'AAAAAAAAAAA=',
    });
  });

  it('a trailer', () => {
    assert.deepEqual(declaredChecksum(h({ 'x-amz-trailer': 'x-amz-checksum-crc32', 'x-amz-sdk-checksum-algorithm': 'CRC32' })), {
      algorithm: 'CRC32',
      location: 'trailer',
    });
  });

  it('an undecodable value', () => {
    throwsInvalidRequest(() => declaredChecksum(h({ 'x-amz-checksum-crc32': 'nope' })), 'Value for x-amz-checksum-crc32 header is invalid.');
    throwsInvalidRequest(() => declaredChecksum(h({ 'x-amz-checksum-sha256': 'DUoRhQ==' })), 'Value for x-amz-checksum-sha256 header is invalid.');
  });

  it('two checksums', () => {
    const message = 'Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.';
    throwsInvalidRequest(() => declaredChecksum(h({ 'x-amz-checksum-crc32': 'DUoRhQ==', 'x-amz-checksum-crc32c': 'mnG7TA==' })), message);
    throwsInvalidRequest(() => declaredChecksum(h({ 'x-amz-checksum-crc32': 'DUoRhQ==', 'x-amz-trailer': 'x-amz-checksum-crc32c' })), message);
  });

  it('x-amz-sdk-checksum-algorithm without a header or trailer, or naming another algorithm', () => {
    const message = 'x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* or x-amz-trailer headers were found.';
    throwsInvalidRequest(() => declaredChecksum(h({ 'x-amz-sdk-checksum-algorithm': 'CRC32' })), message);
    throwsInvalidRequest(() => declaredChecksum(h({ 'x-amz-sdk-checksum-algorithm': 'CRC32C', 'x-amz-checksum-crc32': 'DUoRhQ==' })), message);
  });

  it('an unknown algorithm', () => {
    throwsInvalidRequest(
      () => declaredChecksum(h({ 'x-amz-sdk-checksum-algorithm': 'MD4' })),
      'Checksum algorithm provided is unsupported. Please try again with any of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]',
    );
  });
});

describe('verifyDeclaredChecksum', () => {
  const computed = new Map([['CRC32', 'DUoRhQ=='] as const]);
  const none = new Map<string, string>();

  it('nothing declared → undefined (the caller stores its own CRC64NVME)', () => {
    assert.equal(verifyDeclaredChecksum(undefined, { trailers: none, computed }), undefined);
  });

  it('header and trailer values that match', () => {
    assert.deepEqual(verifyDeclaredChecksum({ algorithm: 'CRC32', location: 'header', value: 'DUoRhQ==' }, { trailers: none, computed }), {
      algorithm: 'CRC32',
      value: 'DUoRhQ==',
    });
    const trailers = new Map([['x-amz-checksum-crc32', 'DUoRhQ==']]);
    assert.deepEqual(verifyDeclaredChecksum({ algorithm: 'CRC32', location: 'trailer' }, { trailers, computed }), {
      algorithm: 'CRC32',
      value: 'DUoRhQ==',
    });
  });

  it('a mismatch is BadDigest naming the algorithm', () => {
    assert.throws(
      () => verifyDeclaredChecksum({ algorithm: 'CRC32', location: 'header', value: 'AAAAAA==' }, { trailers: none, computed }),
      (e: unknown) =>
        e instanceof S3Error &&
        e.code === 'BadDigest' &&
        e.status === 400 &&
        e.message === 'The CRC32 you specified did not match the calculated checksum.' &&
        e.fields.length === 0,
    );
  });

  it('a malformed trailer value is InvalidRequest; an absent one MalformedTrailerError', () => {
    throwsInvalidRequest(
      () => verifyDeclaredChecksum({ algorithm: 'CRC32', location: 'trailer' }, { trailers: new Map([['x-amz-checksum-crc32', 'x']]), computed }),
      'Value for x-amz-checksum-crc32 header is invalid.',
    );
    assert.throws(
      () => verifyDeclaredChecksum({ algorithm: 'CRC32', location: 'trailer' }, { trailers: none, computed }),
      (e: unknown) => e instanceof S3Error && e.code === 'MalformedTrailerError',
    );
  });
});
