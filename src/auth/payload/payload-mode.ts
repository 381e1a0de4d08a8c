/**
 * What `x-amz-content-sha256` says about the body (sigv4.md §2.5): a hash to check, nothing to
 * check, or aws-chunked framing with signed chunks and/or a trailer.
 */
import { invalidArgument, type S3Error } from '../../s3/errors/s3-error.ts';

export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
export const STREAMING_SIGNED = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD';
export const STREAMING_SIGNED_TRAILER = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER';
export const STREAMING_UNSIGNED_TRAILER = 'STREAMING-UNSIGNED-PAYLOAD-TRAILER';
export const STREAMING_ECDSA = 'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD';
export const STREAMING_ECDSA_TRAILER = 'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER';

/** How an aws-chunked body is framed and signed (sigv4.md §5.2, §5.5, §5.6). */
export type ChunkedVariant = 'signed' | 'signed-trailer' | 'unsigned-trailer';

export type PayloadMode =
  /** No header (presigned, anonymous, SigV2) or `UNSIGNED-PAYLOAD`: the body is not covered. */
  | { kind: 'unsigned' }
  /** 64 hex characters: the SHA-256 of the whole body. */
  | { kind: 'sha256'; expected: string }
  | { kind: 'aws-chunked'; variant: ChunkedVariant }
  /** SigV4a streaming, which Coffer does not verify (the spec allows rejecting it). */
  | { kind: 'sigv4a' };

export function parsePayloadMode(value: string | undefined): PayloadMode {
  switch (value) {
    case undefined:
    case UNSIGNED_PAYLOAD:
      return { kind: 'unsigned' };
    case STREAMING_SIGNED:
      return { kind: 'aws-chunked', variant: 'signed' };
    case STREAMING_SIGNED_TRAILER:
      return { kind: 'aws-chunked', variant: 'signed-trailer' };
    case STREAMING_UNSIGNED_TRAILER:
      return { kind: 'aws-chunked', variant: 'unsigned-trailer' };
    case STREAMING_ECDSA:
    case STREAMING_ECDSA_TRAILER:
      return { kind: 'sigv4a' };
  }
  if (isLowerHex64(value)) return { kind: 'sha256', expected: value };
  throw invalidContentSha256(value);
}

function isLowerHex64(text: string): boolean {
  if (text.length !== 64) return false;
  for (let i = 0; i < 64; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}

/** sigv4.md §2.5: any other value is refused with the current AWS wording. */
export function invalidContentSha256(value: string): S3Error {
  return invalidArgument(
    'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, ' +
      'STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, ' +
      'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER or ' +
      'a valid sha256 value.',
    'x-amz-content-sha256',
    value,
  );
}
