/**
 * CRC combination (zlib's crc32_combine, generalised to S3's three CRCs): the CRC of A‖B from
 * crc(A), crc(B) and |B| alone. CompleteMultipartUpload uses it to produce a FULL_OBJECT
 * checksum (s3-core.md §9: "checksum of the whole data", CRC algorithms only) from the part
 * checksums without reading the parts again.
 *
 * Works because all three CRCs are reflected with init = xorout = all ones, so
 * crc(A‖B) = crc(A)·x^(8|B|) mod P  ⊕  crc(B). Polynomials are bit-reversed as in the tables:
 * the top bit is x^0. Uses BigInt; it is O(width · log |B|) per combination, not per byte.
 */
import type { ChecksumAlgorithm } from '../checksum-algorithm.ts';

export type CrcAlgorithm = Extract<ChecksumAlgorithm, 'CRC32' | 'CRC32C' | 'CRC64NVME'>;

export function isCrcAlgorithm(algorithm: ChecksumAlgorithm): algorithm is CrcAlgorithm {
  return algorithm === 'CRC32' || algorithm === 'CRC32C' || algorithm === 'CRC64NVME';
}

class CrcField {
  readonly bytes: number;
  readonly #poly: bigint;
  readonly #top: bigint;
  /** x^(2^k) mod P for k = 0..63, enough for any length below 2^53 bytes. */
  readonly #powers: bigint[] = [];

  constructor(width: 32 | 64, reflectedPoly: bigint) {
    this.bytes = width / 8;
    this.#poly = reflectedPoly;
    this.#top = 1n << BigInt(width - 1);
    let p = this.#top >> 1n; // x^1
    for (let k = 0; k < 64; k++) {
      this.#powers.push(p);
      p = this.multiply(p, p);
    }
  }

  /** a·b mod P. */
  multiply(a: bigint, b: bigint): bigint {
    let m = this.#top;
    let p = 0n;
    for (;;) {
      if (a & m) {
        p ^= b;
        if ((a & (m - 1n)) === 0n) break;
      }
      m >>= 1n;
      b = b & 1n ? (b >> 1n) ^ this.#poly : b >> 1n;
    }
    return p;
  }

  /** x^(8·length) mod P: the operator that shifts a CRC past `length` zero bytes. */
  shiftOperator(length: number): bigint {
    let p = this.#top; // x^0
    let k = 3; // 8·length = length · 2^3
    let n = length;
    while (n > 0) {
      if (n % 2 === 1) p = this.multiply(this.#powers[k]!, p);
      n = Math.floor(n / 2);
      k++;
    }
    return p;
  }
}

const FIELDS: Readonly<Record<CrcAlgorithm, CrcField>> = Object.freeze({
  CRC32: new CrcField(32, 0xedb88320n),
  CRC32C: new CrcField(32, 0x82f63b78n),
  CRC64NVME: new CrcField(64, 0x9a6c9329ac4bc9b5n),
});

function toBig(bytes: Uint8Array, expected: number): bigint {
  if (bytes.length !== expected) throw new RangeError(`CRC must be ${expected} bytes, got ${bytes.length}`);
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

function fromBig(v: bigint, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** The CRC of A‖B, given big-endian crc(A), crc(B) and the byte length of B. */
export function combineCrc(algorithm: CrcAlgorithm, first: Uint8Array, second: Uint8Array, secondLength: number): Buffer {
  const field = FIELDS[algorithm];
  const a = toBig(first, field.bytes);
  const b = toBig(second, field.bytes);
  return fromBig(field.multiply(field.shiftOperator(secondLength), a) ^ b, field.bytes);
}

/**
 * The CRC of the concatenation of parts, from each part's big-endian CRC and size. Parts of
 * equal size (all but the last, usually) share one shift operator, so 10,000 parts cost about
 * 10,000 multiplications.
 */
export function combineCrcParts(
  algorithm: CrcAlgorithm,
  parts: ReadonlyArray<{ readonly checksum: Uint8Array; readonly size: number }>,
): Buffer {
  const field = FIELDS[algorithm];
  const operators = new Map<number, bigint>();
  let crc = 0n; // the CRC of no bytes
  for (const part of parts) {
    let op = operators.get(part.size);
    if (op === undefined) {
      op = field.shiftOperator(part.size);
      operators.set(part.size, op);
    }
    crc = field.multiply(op, crc) ^ toBig(part.checksum, field.bytes);
  }
  return fromBig(crc, field.bytes);
}
