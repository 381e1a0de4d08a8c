import { timingSafeEqual } from 'node:crypto';

/**
 * Compares the SigV2 signature a client sent with one computed (base64 of an HMAC-SHA1, 28
 * characters) in constant time (ARCHITECTURE.md). The text is compared, as AWS does: base64url,
 * missing padding or any other spelling of the same bytes fails.
 */
export function signatureV2Matches(provided: string, computed: string): boolean {
  // UTF-8, so that a non-ASCII character can never pass for the byte latin1 would truncate it to.
  const a = Buffer.from(provided, 'utf8');
  const b = Buffer.from(computed, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
