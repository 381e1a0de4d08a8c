/**
 * The S3 errors a request body can fail with while it streams (errors.md §7). `reason` stays
 * in the diagnostics trail; the client sees AWS's text.
 */
import { S3Error } from '../../s3/errors/s3-error.ts';
import { signatureDoesNotMatch } from '../sigv4/sigv4-errors.ts';

/**
 * Fewer (or more) body bytes than announced, or framing that ends early. AWS's documented text
 * (the error table's) for every case, including aws-chunked bodies: clients match the code.
 */
export function incompleteBody(reason: string): S3Error {
  return new S3Error('IncompleteBody', { reason });
}

export function malformedTrailer(reason: string): S3Error {
  return new S3Error('MalformedTrailerError', { reason });
}

/** sigv4.md §5.2: a chunk other than the last data chunk was below the minimum. `chunk` is 1-based. */
export function invalidChunkSize(chunk: number, size: number): S3Error {
  return new S3Error('InvalidChunkSizeError', {
    fields: [
      ['Chunk', String(chunk)],
      ['BadChunkSize', String(size)],
    ],
    reason: `chunk ${chunk} has ${size} bytes and is not the last data chunk`,
  });
}

/** errors.md §7: the body's SHA-256 is not the one the client signed. */
export function contentSha256Mismatch(clientComputed: string, s3Computed: string): S3Error {
  return new S3Error('XAmzContentSHA256Mismatch', {
    fields: [
      ['ClientComputedContentSHA256', clientComputed],
      ['S3ComputedContentSHA256', s3Computed],
    ],
  });
}

/**
 * errors.md §6: a bad chunk or trailer signature, with the full diagnostic body. `stringToSign`
 * is the chunk's (or trailer's) string to sign; `canonicalRequest` is the seed request's.
 */
export function chunkSignatureMismatch(details: {
  accessKeyId: string;
  stringToSign: string;
  signatureProvided: string;
  canonicalRequest: string;
  reason: string;
}): S3Error {
  return signatureDoesNotMatch(details);
}
