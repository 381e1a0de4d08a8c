/**
 * Percent-decodes to bytes and reads them as UTF-8. Returns undefined for malformed escapes
 * (`%4`, `%zz`) so callers can answer InvalidURI. `plusAsSpace` follows S3, where an
 * unencoded `+` in a path or query means a space.
 */
export function percentDecode(text: string, options: { plusAsSpace: boolean }): string | undefined {
  if (text.indexOf('%') === -1) {
    return options.plusAsSpace && text.indexOf('+') !== -1 ? text.replace(/\+/g, ' ') : text;
  }
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x25) {
      const hi = hexValue(text.charCodeAt(i + 1));
      const lo = hexValue(text.charCodeAt(i + 2));
      if (hi < 0 || lo < 0) return undefined;
      bytes.push(hi * 16 + lo);
      i += 2;
    } else if (c === 0x2b && options.plusAsSpace) {
      bytes.push(0x20);
    } else if (c < 0x80) {
      bytes.push(c);
    } else {
      // A raw non-ASCII character (not encoded by the client): keep its UTF-8 bytes.
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      for (const b of Buffer.from(String.fromCodePoint(cp), 'utf8')) bytes.push(b);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}
