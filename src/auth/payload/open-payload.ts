/**
 * openPayload: the request body as the handler reads it — the object bytes, verified while they
 * stream, per `x-amz-content-sha256` (sigv4.md §2.5, §5). Header-level problems throw an
 * S3Error now, before a body byte is read; body-level ones (hash, chunk signature, trailer,
 * length) make `payload.body` error before it ends, so nothing is committed.
 *
 * Checksum headers and trailers (x-amz-checksum-*) are verified by the object write with
 * BodyDigest and declared-checksum.ts, not here.
 */
import { S3Error, invalidRequest } from '../../s3/errors/s3-error.ts';
import type { S3Request } from '../../s3/s3-request.ts';
import type { Authentication, RequestPayload } from '../authentication.ts';
import { AwsChunkedBody } from './aws-chunked-body.ts';
import { ChunkSigner } from './chunk-signer.ts';
import { parseTrailerHeader } from './parse-trailer-header.ts';
import { parsePayloadMode, type ChunkedVariant } from './payload-mode.ts';
import { PlainBody } from './plain-body.ts';

export interface OpenPayloadOptions {
  /**
   * Minimum size of a signed chunk other than the last data chunk. AWS: 8192 (sigv4.md §5.2,
   * InvalidChunkSizeError). Tests of small bodies may lower it.
   */
  minChunkSize?: number;
}

export function openPayload(req: S3Request, auth: Authentication, options: OpenPayloadOptions = {}): RequestPayload {
  const contentSha256 = req.headers.get('x-amz-content-sha256');
  const mode = parsePayloadMode(contentSha256);
  const contentLength = parseLength(req.headers.get('content-length'));

  // sigv4.md §5.6: without a signature there is nothing to chain chunk signatures from.
  const needsSignature = mode.kind === 'sigv4a' || (mode.kind === 'aws-chunked' && mode.variant !== 'unsigned-trailer');
  if (auth.kind === 'anonymous' && needsSignature) {
    throw invalidRequest(
      "Anonymous requests don't support this x-amz-content-sha256 value. Please use UNSIGNED-PAYLOAD or STREAMING-UNSIGNED-PAYLOAD-TRAILER.",
    );
  }

  switch (mode.kind) {
    case 'unsigned':
    case 'sha256': {
      const expectedSha256 = mode.kind === 'sha256' ? mode.expected : undefined;
      const body = new PlainBody(req.body, { contentLength, expectedSha256 });
      return { body, contentSha256, length: contentLength, trailers: () => new Map() };
    }
    case 'sigv4a':
      throw new S3Error('NotImplemented', {
        fields: [['Header', 'x-amz-content-sha256']],
        reason: `SigV4a streaming payload ${contentSha256} is not supported`,
      });
    case 'aws-chunked': {
      const { body, decodedLength } = openChunked(req, auth, mode.variant, {
        contentLength,
        minChunkSize: options.minChunkSize ?? 8192,
      });
      return { body, contentSha256, length: decodedLength, trailers: () => body.trailers() };
    }
  }
}

function openChunked(
  req: S3Request,
  auth: Authentication,
  variant: ChunkedVariant,
  lengths: { contentLength: number | undefined; minChunkSize: number },
): { body: AwsChunkedBody; decodedLength: number } {
  // sigv4.md §5.1: required for every streaming upload. AWS's error for its absence is unrecorded;
  // 411 MissingContentLength is the length error S3 uses for PUTs it cannot size.
  const decodedLength = parseLength(req.headers.get('x-amz-decoded-content-length'));
  if (decodedLength === undefined) {
    throw new S3Error('MissingContentLength', { reason: 'aws-chunked body without a valid x-amz-decoded-content-length' });
  }
  let signer: ChunkSigner | undefined;
  if (variant !== 'unsigned-trailer') {
    if (auth.kind !== 'signed' || auth.seed === undefined) {
      throw invalidRequest(`${req.headers.get('x-amz-content-sha256')} requires a request signed with AWS Signature Version 4.`);
    }
    signer = new ChunkSigner(auth.seed, auth.credential.accessKeyId);
  }
  const declaredTrailers = variant === 'signed' ? [] : parseTrailerHeader(req.headers.get('x-amz-trailer'));
  const body = new AwsChunkedBody(req.body, {
    decodedLength,
    contentLength: lengths.contentLength,
    signer,
    declaredTrailers,
    trailer: variant === 'signed' ? 'none' : variant === 'signed-trailer' ? 'signed' : 'unsigned',
    minChunkSize: lengths.minChunkSize,
  });
  return { body, decodedLength };
}

/** A non-negative decimal integer header; undefined when absent or not one. */
function parseLength(value: string | undefined): number | undefined {
  if (value === undefined || value.length === 0 || value.length > 16) return undefined;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return undefined;
  }
  return Number(value);
}
