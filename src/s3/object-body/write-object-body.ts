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
import { createBodyDigest } from '../../lib/checksums/body-digest.ts';
import type { BlobStore } from '../../storage/blob-store.ts';
import { S3Error } from '../errors/s3-error.ts';
import { checkContentMd5, parseContentMd5 } from '../object-headers/content-md5.ts';
import type { RequestHeaders } from '../s3-request.ts';

/** 5 GiB: the largest single PUT (and part) S3 accepts. */
export const MAX_PUT_SIZE = 5 * 1024 ** 3;

export interface WrittenBody {
  blobId: string;
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
): Promise<WrittenBody> {
  const algorithms = [...alsoCompute];
  if (expectations.declared) algorithms.push(expectations.declared.algorithm);
  const digest = createBodyDigest({ checksums: algorithms });
  let written;
  try {
    written = await blobs.write(chain(payload.body, digest));
  } finally {
    if (!payload.body.readableEnded) payload.body.destroy();
  }
  try {
    const result = digest.result();
    checkContentMd5(expectations.contentMd5, result.md5);
    const declared = verifyDeclaredChecksum(expectations.declared, { trailers: payload.trailers(), computed: result.checksums });
    return { blobId: written.blobId, size: written.size, md5: result.md5, md5Hex: result.md5.toString('hex'), declared, checksums: result.checksums };
  } catch (e) {
    await blobs.delete([written.blobId]);
    throw e;
  }
}

/**
 * `source` through `transform`, as one readable: an error on either side destroys both and
 * reaches whoever reads `transform` (the blob store, which then removes its partial file).
 */
function chain(source: Readable, transform: Transform): Readable {
  pipeline(source, transform, () => {});
  return transform;
}
