/**
 * Known answers for every flexible-checksum algorithm (s3-core.md §9, sigv4.md §5.5), the empty
 * body, incremental updates at odd boundaries, and a cross-check against the AWS SDK's own
 * implementations when they are installed.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { CHECKSUM_ALGORITHMS, type ChecksumAlgorithm } from '../checksum-algorithm.ts';
import { createChecksum } from './create-checksum.ts';
import { decodeChecksumValue } from './decode-checksum-value.ts';

function checksumOf(algorithm: ChecksumAlgorithm, ...pieces: Array<string | Buffer>): Buffer {
  const c = createChecksum(algorithm);
  for (const p of pieces) c.update(typeof p === 'string' ? Buffer.from(p) : p);
  return c.digestBytes();
}

describe('createChecksum', () => {
  it('standard check values of "123456789"', () => {
    assert.equal(checksumOf('CRC32', '123456789').toString('hex'), 'cbf43926');
    assert.equal(checksumOf('CRC32C', '123456789').toString('hex'), 'e3069283');
    assert.equal(checksumOf('CRC64NVME', '123456789').toString('hex'), 'ae8b14860a799888');
    assert.equal(checksumOf('SHA1', '123456789').toString('hex'), 'f7c3bc1d808e04732adf679965ccc34ca7ae3441');
    assert.equal(
      checksumOf('SHA256', '123456789').toString('hex'),
      '15e2b0d3c33891ebb0f1ef609ec419420c20e320ce94c65fbc8c3312448eb225',
    );
  });

  it('CRC32C of 66560 × "a" is sOO8/Q== (sigv4.md §5.5)', () => {
    const c = createChecksum('CRC32C');
    c.update(Buffer.alloc(65536, 'a'));
    c.update(Buffer.alloc(1024, 'a'));
    assert.equal(c.digest(), 'sOO8/Q==');
  });

  it('empty input: CRC64NVME is AAAAAAAAAAA= (s3-core.md §3.3), CRCs are zero', () => {
    assert.equal(createChecksum('CRC64NVME').digest(), 'AAAAAAAAAAA=');
    assert.equal(createChecksum('CRC32').digest(), 'AAAAAA==');
    assert.equal(createChecksum('CRC32C').digest(), 'AAAAAA==');
    assert.equal(createChecksum('SHA256').digest(), createHash('sha256').digest('base64'));
  });

  it('digest lengths match CHECKSUM_BYTES and decode back', () => {
    for (const algorithm of CHECKSUM_ALGORITHMS) {
      const value = createChecksum(algorithm).digest();
      assert.ok(decodeChecksumValue(algorithm, value), algorithm);
    }
  });

  it('any split of the input gives the same digest (exercises the 8-byte loop and the byte tail)', () => {
    const data = randomBytes(1000);
    for (const algorithm of CHECKSUM_ALGORITHMS) {
      const whole = checksumOf(algorithm, data);
      for (const cut of [1, 3, 7, 8, 9, 500, 999]) {
        assert.deepEqual(checksumOf(algorithm, data.subarray(0, cut), data.subarray(cut)), whole, `${algorithm} cut ${cut}`);
      }
      const c = createChecksum(algorithm);
      for (const byte of data) c.update(Buffer.of(byte));
      assert.deepEqual(c.digestBytes(), whole, `${algorithm} bytewise`);
    }
  });

  it('digest is repeatable; update after digest throws', () => {
    const c = createChecksum('CRC32');
    c.update(Buffer.from('a'));
    assert.equal(c.digest(), c.digest());
    assert.throws(() => c.update(Buffer.from('b')));
  });

  it('agrees with @aws-sdk/checksums (the SDK the clients use) on random data', async (t) => {
    let sdk: Record<string, new () => { update(d: Uint8Array): void; digest(): Promise<Uint8Array> }>;
    try {
      // A transitive dependency of @aws-sdk/client-s3; @aws-crypto/crc32c and @aws-sdk/crc64-nvme
      // are not installed in this tree, this package carries all three CRCs.
      sdk = (await import('@aws-sdk/checksums/crc' as string)) as typeof sdk;
    } catch {
      t.skip('@aws-sdk/checksums/crc is not installed (it comes with @aws-sdk/client-s3)');
      return;
    }
    const pairs: Array<[ChecksumAlgorithm, string]> = [
      ['CRC32', 'Crc32'],
      ['CRC32C', 'Crc32c'],
      ['CRC64NVME', 'Crc64Nvme'],
    ];
    for (const size of [0, 1, 7, 8, 15, 4096, 100_003]) {
      const data = randomBytes(size);
      for (const [ours, theirs] of pairs) {
        const Ctor = sdk[theirs];
        assert.ok(Ctor, `${theirs} exported`);
        const c = new Ctor();
        c.update(data);
        assert.equal(checksumOf(ours, data).toString('hex'), Buffer.from(await c.digest()).toString('hex'), `${ours} size ${size}`);
      }
    }
  });
});

describe('decodeChecksumValue', () => {
  it('accepts canonical base64 of the right length only', () => {
    assert.deepEqual(decodeChecksumValue('CRC32C', 'sOO8/Q=='), Buffer.from('b0e3bcfd', 'hex'));
    assert.equal(decodeChecksumValue('CRC32C', 'sOO8/Q='), undefined);
    assert.equal(decodeChecksumValue('CRC32C', 'sOO8/Q=A'), undefined);
    assert.equal(decodeChecksumValue('CRC32C', 'sOO8/R=='), undefined, 'non-zero padding bits');
    assert.equal(decodeChecksumValue('CRC32C', 'sOO8_Q=='), undefined, 'base64url');
    assert.equal(decodeChecksumValue('CRC32', 'AAAAAAAAAAA='), undefined, 'CRC64 length');
    assert.ok(decodeChecksumValue('CRC64NVME', 'AAAAAAAAAAA='));
    assert.ok(decodeChecksumValue('SHA256', createHash('sha256').digest('base64')));
    assert.equal(decodeChecksumValue('SHA1', ''), undefined);
  });
});
