/**
 * SigV4 `trimall` (sigv4.md §2.4): leading and trailing whitespace removed, each inner run of
 * whitespace (obsolete line folding included) collapsed to one space — botocore's
 * `' '.join(value.split())` over ASCII whitespace. Values that need nothing come back as is.
 */
export function trimAll(value: string): string {
  if (isTrimmed(value)) return value;
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (isSpace(c)) {
      pendingSpace = out.length > 0;
    } else {
      if (pendingSpace) out += ' ';
      pendingSpace = false;
      out += value[i];
    }
  }
  return out;
}

function isTrimmed(value: string): boolean {
  const n = value.length;
  if (n === 0) return true;
  if (isSpace(value.charCodeAt(0)) || isSpace(value.charCodeAt(n - 1))) return false;
  for (let i = 1; i < n; i++) {
    const c = value.charCodeAt(i);
    // A lone inner space is already canonical; any other whitespace, or two in a row, is not.
    if (isSpace(c) && (c !== 0x20 || isSpace(value.charCodeAt(i - 1)))) return false;
  }
  return true;
}

/** Space, tab, LF, VT, FF, CR. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}
