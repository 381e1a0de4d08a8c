import { timingSafeEqual } from 'node:crypto';

/**
 * Compares the signature a client sent with the one computed (64 lower-case hex digits) in
 * constant time (ARCHITECTURE.md; sigv4.md §1). Anything that is not 64 lower-case hex digits
 * cannot match: AWS compares the text, so upper-case hex fails too.
 */
export function signatureMatches(provided: string, computedHex: string): boolean {
  if (provided.length !== 64 || !isLowerHex(provided)) return false;
  return timingSafeEqual(Buffer.from(provided, 'latin1'), Buffer.from(computedHex, 'latin1'));
}

function isLowerHex(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}
