/**
 * Numeric condition values (§3): integers or decimals, optionally signed (`100`, `1.2`,
 * `-3`). Anything else is not a number (NaN): the comparison then fails. A character walk
 * rather than Number(): Number('') is 0 and Number('0x10') is 16, neither of which AWS takes.
 */
export function parseDecimal(text: string): number {
  const n = text.length;
  let i = 0;
  if (i < n && (text.charCodeAt(i) === 0x2d || text.charCodeAt(i) === 0x2b)) i++;
  const intStart = i;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  if (i === intStart) return NaN;
  if (i < n && text.charCodeAt(i) === 0x2e) {
    const fracStart = ++i;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
    if (i === fracStart) return NaN;
  }
  return i === n ? Number(text) : NaN;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
