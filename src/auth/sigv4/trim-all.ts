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

// Whitespace other than a space, or two spaces in a row. A regex: irregexp scans this faster
// than a charCodeAt loop, and nearly every value is already trimmed.
const UNTRIMMED_INSIDE = /[\t-\r]| {2}/;

function isTrimmed(value: string): boolean {
  const n = value.length;
  if (n === 0) return true;
  return !isSpace(value.charCodeAt(0)) && !isSpace(value.charCodeAt(n - 1)) && !UNTRIMMED_INSIDE.test(value);
}

/** Space, tab, LF, VT, FF, CR. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}
