import { invalidContentSha256 } from './sigv4-errors.ts';

/** The non-hash values S3 accepts in x-amz-content-sha256 (sigv4.md §2.5). */
const LITERALS: ReadonlySet<string> = new Set([
  'UNSIGNED-PAYLOAD',
  'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
  'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD',
  'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER',
]);

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * An x-amz-content-sha256 value S3 accepts (sigv4.md §2.5, errors.md §4): 64 lower-case hex
 * digits or one of the literals; anything else is 400 InvalidArgument naming the header. Returns
 * the value, which is the HashedPayload. (Whether the header must be present depends on the form:
 * header-signed requests need it, presigned ones default to UNSIGNED-PAYLOAD.)
 */
export function checkContentSha256(value: string): string {
  if (!SHA256_HEX.test(value) && !LITERALS.has(value)) throw invalidContentSha256(value);
  return value;
}
