/**
 * BlobStore: immutable byte blobs named by id. Writes are all-or-nothing: `write` resolves
 * only after the bytes are durable under their final name; if the source stream errors
 * (a failed signature or checksum, a client that went away) nothing is left behind.
 *
 * Implementations: fs/ (the embedded default). All pass conformance/blob-store.suite.ts.
 */
import type { Readable } from 'node:stream';

export interface WrittenBlob {
  blobId: string;
  size: number;
}

export interface ByteRange {
  /** Inclusive first byte. */
  start: number;
  /** Inclusive last byte. */
  end: number;
}

export interface BlobStore {
  /**
   * Streams `source` into a new blob. Rejects with the source's error (and removes any
   * partial data) if the source fails, or with an EntityTooLarge-style error from the caller's
   * own stream. Never buffers the whole body.
   */
  write(source: Readable): Promise<WrittenBlob>;
  /** A stream of the blob's bytes, or of `range`. Rejects with BlobNotFoundError. */
  read(blobId: string, range?: ByteRange): Promise<Readable>;
  /** Deletes blobs; ids that do not exist are ignored. */
  delete(blobIds: string[]): Promise<void>;
  /** Every blob older than `olderThanMs` (epoch ms), for the orphan sweep. */
  list(olderThanMs: number): AsyncIterable<string>;
  close(): Promise<void>;
}
