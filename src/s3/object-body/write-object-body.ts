/**
 * Streams a request body into a new blob, hashing it on the way (MD5 for the ETag, the declared
 * flexible checksum, CRC64NVME when none was declared), then checks Content-MD5 and the checksum.
 * Any failure — a bad signature or hash in the payload stream, a mismatch found at the end, a
 * client that went away — leaves no blob behind and nothing visible.
 */
import { pipeline, type Readable, type Transform } from 'node:stream';
import type { RequestPayload } from '../../auth/authentication.ts';
import { declaredChecksum, verifyDeclaredChecksum, type DeclaredChecksum } from '../../auth/payload/declared-checksum.ts';
import type { ChecksumAlgorithm } from '../../lib/checksum-algorithm.ts';
import { createBodyDigest, type BodyDigest } from '../../lib/checksums/body-digest.ts';
import type { BlobStore } from '../../storage/blob-store.ts';
import { S3Error } from '../errors/s3-error.ts';
import { checkContentMd5, parseContentMd5 } from '../object-headers/content-md5.ts';
import type { RequestHeaders } from '../s3-request.ts';

/** 5 GiB: the largest single PUT (and part) S3 accepts. */
export const MAX_PUT_SIZE = 5 * 1024 ** 3;

/**
 * Bodies up to this size are kept in the metadata row rather than a blob file: a small object
 * then costs no file open, fsync or rename to write and no file read to serve.
 */
export const INLINE_MAX = 32 * 1024;

export interface WrittenBody {
  /** Where the bytes went: a blob, or (small bodies, when allowed) kept in memory for the row. */
  blobId: string | undefined;
  inline: Buffer | undefined;
  size: number;
  /** Hex MD5 (the ETag of a single-part object or of a part). */
  md5Hex: string;
  md5: Buffer;
  /** The checksum the client declared and we verified, if any. */
  declared: { algorithm: ChecksumAlgorithm; value: string } | undefined;
  /** Every checksum computed, by algorithm (base64). */
  checksums: ReadonlyMap<ChecksumAlgorithm, string>;
}

/** Checks that need only the headers: run them before reading a byte of the body. */
export interface BodyExpectations {
  contentMd5: Buffer | undefined;
  declared: DeclaredChecksum | undefined;
}

export function readBodyExpectations(headers: RequestHeaders, payload: RequestPayload, maxSize = MAX_PUT_SIZE): BodyExpectations {
  if (payload.length === undefined) throw new S3Error('MissingContentLength');
  if (payload.length > maxSize) {
    throw new S3Error('EntityTooLarge', {
      fields: [
        ['ProposedSize', String(payload.length)],
        ['MaxSizeAllowed', String(maxSize)],
      ],
    });
  }
  return bodyExpectations(headers);
}

/** The digests the headers declare (Content-MD5, a flexible checksum), for a body of unknown length (POST's file). */
export function bodyExpectations(headers: RequestHeaders): BodyExpectations {
  return { contentMd5: parseContentMd5(headers.get('content-md5')), declared: declaredChecksum(headers) };
}

export async function writeObjectBody(
  blobs: BlobStore,
  payload: RequestPayload,
  expectations: BodyExpectations,
  /** Checksums to compute besides the declared one (e.g. CRC64NVME, or an upload's algorithm). */
  alsoCompute: readonly ChecksumAlgorithm[],
  /** Keep a body of at most INLINE_MAX bytes in memory instead of writing a blob. */
  options: { inline?: boolean } = {},
): Promise<WrittenBody> {
  const algorithms = [...alsoCompute];
  if (expectations.declared) algorithms.push(expectations.declared.algorithm);
  const digest = createBodyDigest({ checksums: algorithms });
  const small = options.inline === true && payload.length !== undefined && payload.length <= INLINE_MAX;
  let blobId: string | undefined;
  let inline: Buffer | undefined;
  let size: number;
  try {
    if (small) {
      inline = await collect(payload.body, INLINE_MAX, digest);
      size = inline.length;
    } else {
      ({ blobId, size } = await blobs.write(chain(payload.body, digest)));
    }
  } finally {
    if (!payload.body.readableEnded) payload.body.destroy();
  }
  try {
    const result = digest.result();
    checkContentMd5(expectations.contentMd5, result.md5);
    const declared = verifyDeclaredChecksum(expectations.declared, { trailers: payload.trailers(), computed: result.checksums });
    return { blobId, inline, size, md5: result.md5, md5Hex: result.md5.toString('hex'), declared, checksums: result.checksums };
  } catch (e) {
    if (blobId !== undefined) await blobs.delete([blobId]);
    throw e;
  }
}

/**
 * A small body into one buffer (its length was announced, and is bounded by `limit`), hashed
 * as it arrives. Read directly rather than through a pipeline: building and tearing one down
 * (Node creates an AbortSignal and a DOMException per pipeline) cost more than hashing 4 KiB.
 */
async function collect(source: Readable, limit: number, digest: BodyDigest): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new S3Error('IncompleteBody', { reason: 'the body is longer than it announced' });
    digest.hash(chunk as Buffer);
    chunks.push(chunk as Buffer);
  }
  digest.finish();
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}

/** An object's bytes where the metadata row should point: its blob, or kept in the row. */
export function storedBody(body: Pick<WrittenBody, 'blobId' | 'inline' | 'size'>): { segments: Array<{ blobId: string; size: number }>; inline?: Buffer } {
  return body.inline !== undefined ? { segments: [], inline: body.inline } : { segments: [{ blobId: body.blobId!, size: body.size }] };
}

/** The blobs a failed commit leaves behind. */
export function writtenBlobs(body: Pick<WrittenBody, 'blobId'>): string[] {
  return body.blobId === undefined ? [] : [body.blobId];
}

/**
 * `source` through `transform`, as one readable: an error on either side destroys both and
 * reaches whoever reads `transform` (the blob store, which then removes its partial file).
 */
function chain(source: Readable, transform: Transform): Readable {
  pipeline(source, transform, () => {});
  return transform;
}
