import { invalidContentSha256, missingContentSha256 } from './sigv4-errors.ts';

/** The non-hash values S3 accepts in x-amz-content-sha256 (sigv4.md §2.5). */
const LITERALS: ReadonlySet<string> = new Set([
  'UNSIGNED-PAYLOAD',
  'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
  'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD',
  'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER',
]);

/**
 * S3's x-amz-content-sha256 rules (sigv4.md §2.5, errors.md §4): required on header-signed
 * requests (400 InvalidRequest), and either 64 lower-case hex digits or one of the literals
 * (400 InvalidArgument naming the header). Returns the value, which is the HashedPayload.
 */
export function checkContentSha256(value: string | undefined, options: { required: boolean }): string | undefined {
  if (value === undefined) {
    if (options.required) throw missingContentSha256();
    return undefined;
  }
  if (!isSha256Hex(value) && !LITERALS.has(value)) throw invalidContentSha256(value);
  return value;
}

function isSha256Hex(text: string): boolean {
  if (text.length !== 64) return false;
  for (let i = 0; i < 64; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}
