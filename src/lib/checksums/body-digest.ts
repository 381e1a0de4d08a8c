/**
 * BodyDigest: a pass-through stage that hashes an object body on its way to the blob store, so
 * the bytes are read once (ARCHITECTURE.md, "Built for speed"). MD5 always (the ETag and
 * Content-MD5), SHA-256 when asked (a declared payload hash), and any flexible checksums
 * (s3-core.md §9; CRC64NVME is what S3 stores when the client sent none).
 *
 * Chunks are forwarded as the same Buffer objects; nothing is copied. Results exist once the
 * stream has flushed, i.e. before its 'end' event.
 */
import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { ChecksumAlgorithm } from '../checksum-algorithm.ts';
import { createChecksum, type Checksum } from './create-checksum.ts';

export interface BodyDigestOptions {
  /** Compute the SHA-256 too (hex in the result). */
  sha256?: boolean;
  /** Flexible checksums to compute (base64 in the result). Duplicates are computed once. */
  checksums?: ReadonlyArray<ChecksumAlgorithm>;
}

export interface BodyDigestResult {
  /** Bytes that passed. */
  size: number;
  /** The 16-byte MD5; hex of it is the single-part ETag. */
  md5: Buffer;
  /** Hex SHA-256, when requested. */
  sha256: string | undefined;
  /** Base64 big-endian digests by algorithm, for the requested algorithms. */
  checksums: ReadonlyMap<ChecksumAlgorithm, string>;
}

export class BodyDigest extends Transform {
  #size = 0;
  readonly #md5: Hash = createHash('md5');
  /** Shared by the payload SHA-256 (hex) and a SHA256 flexible checksum (base64): one hash. */
  readonly #sha256: Hash | undefined;
  readonly #wantSha256Hex: boolean;
  readonly #wantSha256Checksum: boolean;
  readonly #checksums: Checksum[];
  #result: BodyDigestResult | undefined;

  constructor(options: BodyDigestOptions = {}) {
    super();
    const algorithms = [...new Set(options.checksums ?? [])];
    this.#wantSha256Hex = options.sha256 === true;
    this.#wantSha256Checksum = algorithms.includes('SHA256');
    this.#sha256 = this.#wantSha256Hex || this.#wantSha256Checksum ? createHash('sha256') : undefined;
    this.#checksums = algorithms.filter((a) => a !== 'SHA256').map((a) => createChecksum(a));
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.finish();
    callback();
  }

  /**
   * Hashing without the stream: for a small body read straight into memory, `hash` each chunk
   * then `finish` — no pipeline to build and tear down per request.
   */
  hash(chunk: Buffer): void {
    this.#size += chunk.length;
    this.#md5.update(chunk);
    this.#sha256?.update(chunk);
    for (const c of this.#checksums) c.update(chunk);
  }

  finish(): void {
    const sha256 = this.#sha256?.digest();
    const checksums = new Map<ChecksumAlgorithm, string>();
    for (const c of this.#checksums) checksums.set(c.algorithm, c.digest());
    if (this.#wantSha256Checksum && sha256) checksums.set('SHA256', sha256.toString('base64'));
    this.#result = {
      size: this.#size,
      md5: this.#md5.digest(),
      sha256: this.#wantSha256Hex && sha256 ? sha256.toString('hex') : undefined,
      checksums,
    };
  }

  /** The digests; throws until every byte has passed (after 'end' / when the consumer has finished). */
  result(): BodyDigestResult {
    if (this.#result === undefined) throw new Error('BodyDigest: the body has not ended');
    return this.#result;
  }
}

export function createBodyDigest(options: BodyDigestOptions = {}): BodyDigest {
  return new BodyDigest(options);
}
