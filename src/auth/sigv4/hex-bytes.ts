/**
 * The `StringToSignBytes` / `CanonicalRequestBytes` form of SignatureDoesNotMatch (errors.md §6):
 * every byte as two lower-case hex digits, separated by single spaces (`41 57 53 34 …`). Bytes
 * are the latin1 bytes that were hashed (see sha256Hex). Only built when a signature fails.
 */
export function hexBytes(text: string): string {
  const hex = Buffer.from(text, 'latin1').toString('hex');
  if (hex.length === 0) return '';
  const out = new Array<string>(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = hex.slice(2 * i, 2 * i + 2);
  return out.join(' ');
}
