/**
 * UTF-8 byte order: the order S3 lists keys in (and SQLite's BINARY collation compares TEXT
 * in). JavaScript's `<` compares UTF-16 code units, which disagrees above U+FFFF, so listing
 * code compares with these instead. UTF-8 preserves code point order, so comparing code points
 * is comparing bytes.
 */
const MAX_CODE_POINT = 0x10ffff;
const SURROGATE_FIRST = 0xd800;
const SURROGATE_END = 0xe000;

export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Only when a surrogate meets a non-surrogate above it does UTF-16 order differ.
    const xs = x >= SURROGATE_FIRST && x < SURROGATE_END;
    const ys = y >= SURROGATE_FIRST && y < SURROGATE_END;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/**
 * The smallest string greater than every string that starts with `prefix`, or undefined when
 * there is none (empty prefix, or only U+10FFFF): the last code point incremented, skipping the
 * surrogate block, carrying left past U+10FFFF.
 */
export function prefixUpperBound(prefix: string): string | undefined {
  // Lone surrogates stay as they are: SQLite stores them in their 3-byte (WTF-8) form, which
  // sorts in code point order like everything else.
  const codePoints = Array.from(prefix, (c) => c.codePointAt(0)!);
  while (codePoints.length > 0) {
    const last = codePoints.pop()!;
    if (last < MAX_CODE_POINT) {
      codePoints.push(last + 1 === SURROGATE_FIRST ? SURROGATE_END : last + 1);
      return String.fromCodePoint(...codePoints);
    }
  }
  return undefined;
}
