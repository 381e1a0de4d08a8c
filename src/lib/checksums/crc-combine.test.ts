/**
 * CRC combination and the multipart checksums built on it (s3-core.md §9): a FULL_OBJECT CRC
 * from part CRCs must equal the CRC of the concatenated data; COMPOSITE is the checksum of the
 * binary part checksums plus `-N`.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import type { ChecksumAlgorithm } from '../checksum-algorithm.ts';
import { compositeChecksum } from './composite-checksum.ts';
import { combineCrc, combineCrcParts, type CrcAlgorithm } from './crc-combine.ts';
import { createChecksum } from './create-checksum.ts';
import { fullObjectChecksum } from './full-object-checksum.ts';

const CRCS: CrcAlgorithm[] = ['CRC32', 'CRC32C', 'CRC64NVME'];

function digest(algorithm: ChecksumAlgorithm, data: Buffer): Buffer {
  const c = createChecksum(algorithm);
  c.update(data);
  return c.digestBytes();
}

describe('combineCrc', () => {
  it('crc(A‖B) from crc(A), crc(B), |B| for every CRC and many lengths', () => {
    for (const algorithm of CRCS) {
      for (const [la, lb] of [[0, 0], [0, 5], [5, 0], [1, 1], [100, 7], [4096, 65536], [3, 1_000_001]] as const) {
        const a = randomBytes(la);
        const b = randomBytes(lb);
        const expected = digest(algorithm, Buffer.concat([a, b]));
        assert.deepEqual(combineCrc(algorithm, digest(algorithm, a), digest(algorithm, b), lb), expected, `${algorithm} ${la}+${lb}`);
      }
    }
  });

  it('combineCrcParts of no parts is the CRC of no bytes', () => {
    assert.equal(combineCrcParts('CRC64NVME', []).toString('base64'), 'AAAAAAAAAAA=');
  });
});

describe('fullObjectChecksum', () => {
  it('equals the checksum of the whole object, for equal and unequal part sizes', () => {
    for (const algorithm of CRCS) {
      const parts = [randomBytes(70_000), randomBytes(70_000), randomBytes(70_000), randomBytes(12_345)];
      const whole = digest(algorithm, Buffer.concat(parts)).toString('base64');
      const fromParts = fullObjectChecksum(
        algorithm,
        parts.map((p) => ({ checksum: digest(algorithm, p).toString('base64'), size: p.length })),
      );
      assert.equal(fromParts, whole, algorithm);
    }
  });

  it('works for part sizes above 2^32 bytes (operator only, no data)', () => {
    // One 5 GiB part against five 1 GiB parts: the shift operators for lengths past 32 bits
    // must compose exactly like the small ones.
    const gib = 1024 ** 3;
    const a = digest('CRC64NVME', Buffer.from('head'));
    const oneStep = combineCrcParts('CRC64NVME', [
      { checksum: a, size: 4 },
      { checksum: Buffer.alloc(8), size: 5 * gib },
    ]);
    const fiveSteps = combineCrcParts('CRC64NVME', [
      { checksum: a, size: 4 },
      ...Array.from({ length: 5 }, () => ({ checksum: Buffer.alloc(8), size: gib })),
    ]);
    // The CRC register value 0 of a part is not "the CRC of zero bytes", but combination is linear
    // in the register values, so both ways must still agree.
    assert.deepEqual(oneStep, fiveSteps);
  });

  it('10,000 equal parts combine quickly', () => {
    const parts = Array.from({ length: 10_000 }, () => ({ checksum: randomBytes(8).toString('base64'), size: 8 * 1024 * 1024 }));
    const started = performance.now();
    fullObjectChecksum('CRC64NVME', parts);
    assert.ok(performance.now() - started < 2000);
  });
});

describe('compositeChecksum', () => {
  it('is the checksum of the concatenated binary part checksums, then -N', () => {
    for (const algorithm of ['CRC32', 'CRC32C', 'SHA1', 'SHA256'] as const) {
      const parts = [randomBytes(1000), randomBytes(10)];
      const binary = parts.map((p) => digest(algorithm, p));
      const expected = digest(algorithm, Buffer.concat(binary)).toString('base64') + '-2';
      assert.equal(compositeChecksum(algorithm, binary.map((b) => b.toString('base64'))), expected);
    }
  });

  it('refuses a malformed part checksum', () => {
    assert.throws(() => compositeChecksum('CRC32', ['nope']), RangeError);
  });
});
