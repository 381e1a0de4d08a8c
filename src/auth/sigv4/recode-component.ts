/**
 * Percent-decodes a URI component as the client put it on the wire and re-encodes it with AWS
 * `UriEncode` in one pass (sigv4.md §2.2, §2.3). This is how a server reproduces what SDKs
 * sign no matter how eagerly the client escaped: `%7E` and `~` both become `~`, `$` and `%24`
 * both become `%24`, and hex digits come out upper-case.
 *
 * Non-ASCII characters count as their UTF-8 bytes (node never hands us raw non-ASCII in a request
 * target; tests and the AWS vectors do). A `%` not followed by two hex digits is kept as a
 * literal `%` (→ `%25`); the HTTP layer answers InvalidURI for those before authentication.
 */
const UNRESERVED = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~') UNRESERVED[c.charCodeAt(0)] = 1;
const HEX = '0123456789ABCDEF';
const PERCENT_ENCODED = Array.from({ length: 256 }, (_, b) => '%' + HEX[b >> 4] + HEX[b & 15]);

export interface RecodeOptions {
  /** Keep `/` unencoded: true for S3 paths, false for query names and values. */
  keepSlash: boolean;
  /** Read a literal `+` as a space (query strings, as MinIO/Go `url.ParseQuery` do); paths keep `+`. */
  plusAsSpace: boolean;
}

export function recodeComponent(raw: string, options: RecodeOptions): string {
  // Fast path: already canonical (the common case for SDK-built keys and S3 sub-resources).
  let i = 0;
  for (; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 128 || (UNRESERVED[c] !== 1 && !(c === 0x2f && options.keepSlash))) break;
  }
  if (i === raw.length) return raw;

  let out = raw.slice(0, i);
  for (; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x25) {
      const hi = hexValue(raw.charCodeAt(i + 1));
      const lo = hexValue(raw.charCodeAt(i + 2));
      if (hi >= 0 && lo >= 0) {
        out += encodeByte((hi << 4) | lo, options.keepSlash);
        i += 2;
        continue;
      }
      out += '%25';
    } else if (c === 0x2b && options.plusAsSpace) {
      out += '%20';
    } else if (c < 128) {
      out += encodeByte(c, options.keepSlash);
    } else {
      const cp = raw.codePointAt(i)!;
      if (cp > 0xffff) i++;
      for (const b of Buffer.from(String.fromCodePoint(cp), 'utf8')) out += PERCENT_ENCODED[b];
    }
  }
  return out;
}

function encodeByte(b: number, keepSlash: boolean): string {
  if ((b < 128 && UNRESERVED[b] === 1) || (b === 0x2f && keepSlash)) return String.fromCharCode(b);
  return PERCENT_ENCODED[b]!;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}
