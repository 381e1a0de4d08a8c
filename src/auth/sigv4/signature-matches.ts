import { timingSafeEqual } from 'node:crypto';

/**
 * Compares the signature a client sent with the one computed (64 lower-case hex digits) in
 * constant time (ARCHITECTURE.md; sigv4.md §1). The text is compared, as AWS does: upper-case
 * hex, or anything but the 64 lower-case digits, fails.
 */
export function signatureMatches(provided: string, computedHex: string): boolean {
  if (provided.length !== 64) return false;
  // UTF-8, so that a non-ASCII character can never pass for the byte latin1 would truncate it to.
  const bytes = Buffer.from(provided, 'utf8');
  return bytes.length === 64 && timingSafeEqual(bytes, Buffer.from(computedHex, 'latin1'));
}
