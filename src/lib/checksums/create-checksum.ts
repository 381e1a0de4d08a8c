/**
 * One running checksum of any flexible-checksum algorithm (s3-core.md §9) behind one shape, so
 * callers never branch on the algorithm. Digests are big-endian bytes, base64 in S3's headers.
 */
import { createHash, type Hash } from 'node:crypto';
import type { ChecksumAlgorithm } from '../checksum-algorithm.ts';
import { updateCrc32 } from './crc32.ts';
import { updateCrc32c } from './crc32c.ts';
import { crc64Bytes, updateCrc64Nvme, type Crc64State } from './crc64nvme.ts';

export interface Checksum {
  readonly algorithm: ChecksumAlgorithm;
  update(chunk: Uint8Array): void;
  /** The big-endian digest. Repeatable; `update` after it throws. */
  digestBytes(): Buffer;
  /** The digest as S3 writes it in `x-amz-checksum-*`: base64 of the big-endian bytes. */
  digest(): string;
}

export function createChecksum(algorithm: ChecksumAlgorithm): Checksum {
  switch (algorithm) {
    case 'CRC32':
      return new Crc32Checksum(algorithm, updateCrc32);
    case 'CRC32C':
      return new Crc32Checksum(algorithm, updateCrc32c);
    case 'CRC64NVME':
      return new Crc64Checksum();
    case 'SHA1':
      return new HashChecksum(algorithm, createHash('sha1'));
    case 'SHA256':
      return new HashChecksum(algorithm, createHash('sha256'));
  }
}

abstract class BaseChecksum implements Checksum {
  #digest: Buffer | undefined;
  constructor(readonly algorithm: ChecksumAlgorithm) {}
  update(chunk: Uint8Array): void {
    if (this.#digest !== undefined) throw new Error(`${this.algorithm} checksum already digested`);
    this.feed(chunk);
  }
  digestBytes(): Buffer {
    this.#digest ??= this.finish();
    return this.#digest;
  }
  digest(): string {
    return this.digestBytes().toString('base64');
  }
  protected abstract feed(chunk: Uint8Array): void;
  protected abstract finish(): Buffer;
}

class Crc32Checksum extends BaseChecksum {
  #crc = 0;
  constructor(
    algorithm: ChecksumAlgorithm,
    private readonly step: (crc: number, data: Uint8Array) => number,
  ) {
    super(algorithm);
  }
  protected feed(chunk: Uint8Array): void {
    this.#crc = this.step(this.#crc, chunk);
  }
  protected finish(): Buffer {
    const out = Buffer.allocUnsafe(4);
    out.writeUInt32BE(this.#crc >>> 0, 0);
    return out;
  }
}

class Crc64Checksum extends BaseChecksum {
  readonly #state: Crc64State = { hi: 0, lo: 0 };
  constructor() {
    super('CRC64NVME');
  }
  protected feed(chunk: Uint8Array): void {
    updateCrc64Nvme(this.#state, chunk);
  }
  protected finish(): Buffer {
    return crc64Bytes(this.#state);
  }
}

class HashChecksum extends BaseChecksum {
  constructor(
    algorithm: ChecksumAlgorithm,
    private readonly hash: Hash,
  ) {
    super(algorithm);
  }
  protected feed(chunk: Uint8Array): void {
    this.hash.update(chunk);
  }
  protected finish(): Buffer {
    return this.hash.digest();
  }
}
