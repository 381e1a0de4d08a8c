/**
 * A body without aws-chunked framing: `UNSIGNED-PAYLOAD` (or no x-amz-content-sha256) passes
 * through; a 64-hex x-amz-content-sha256 is checked against the SHA-256 of the bytes at the end
 * (sigv4.md §2.5), failing with XAmzContentSHA256Mismatch before the stream ends. In both
 * cases a body shorter than Content-Length fails with IncompleteBody.
 */
import { createHash, type Hash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { contentSha256Mismatch, incompleteBody } from './payload-errors.ts';
import { PayloadStream } from './payload-stream.ts';

export interface PlainBodyOptions {
  /** Content-Length, when sent. */
  contentLength: number | undefined;
  /** The hex SHA-256 the client signed, when it signed one. */
  expectedSha256: string | undefined;
}

export class PlainBody extends PayloadStream {
  readonly #contentLength: number | undefined;
  readonly #expectedSha256: string | undefined;
  readonly #hash: Hash | undefined;
  #received = 0;

  constructor(source: Readable, options: PlainBodyOptions) {
    super(source);
    this.#contentLength = options.contentLength;
    this.#expectedSha256 = options.expectedSha256;
    this.#hash = options.expectedSha256 === undefined ? undefined : createHash('sha256');
  }

  protected consume(chunk: Buffer): void {
    this.#received += chunk.length;
    if (this.#contentLength !== undefined && this.#received > this.#contentLength) {
      throw incompleteBody(`received more than Content-Length ${this.#contentLength} bytes`);
    }
    this.#hash?.update(chunk);
    this.push(chunk);
  }

  protected complete(): void {
    if (this.#contentLength !== undefined && this.#received !== this.#contentLength) {
      throw incompleteBody(`received ${this.#received} of Content-Length ${this.#contentLength} bytes`);
    }
    if (this.#hash !== undefined) {
      const computed = this.#hash.digest('hex');
      if (computed !== this.#expectedSha256) throw contentSha256Mismatch(this.#expectedSha256!, computed);
    }
  }
}
