/**
 * Compares the signature a client sent with the one computed (64 lower-case hex digits) in
 * constant time (ARCHITECTURE.md; sigv4.md §1): every character is compared, whatever the first
 * difference, so the time taken says nothing about how much of a guess was right. The text is
 * compared, as AWS does: upper-case hex, or anything but the 64 lower-case digits, fails. (Done
 * on the strings: two Buffer copies for timingSafeEqual cost more than the comparison itself.)
 */
export function signatureMatches(provided: string, computedHex: string): boolean {
  if (provided.length !== 64 || computedHex.length !== 64) return false;
  let difference = 0;
  for (let i = 0; i < 64; i++) difference |= provided.charCodeAt(i) ^ computedHex.charCodeAt(i);
  return difference === 0;
}
