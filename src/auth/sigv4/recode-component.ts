/**
 * Percent-decodes a URI component as the client put it on the wire and re-encodes it with AWS
 * `UriEncode` in one pass (sigv4.md §2.2, §2.3). This is how a server reproduces what SDKs
 * sign no matter how eagerly the client escaped: `%7E` and `~` both become `~`, `$` and `%24`
 * both become `%24`, and hex digits come out upper-case.
 *
 * Non-ASCII characters count as their UTF-8 bytes (node never hands us raw non-ASCII in a request
 * target; tests and the AWS vectors do). A `%` not followed by two hex digits is kept as a
 * literal `%` (→ `%25`); the HTTP layer answers InvalidURI for those before authentication.
 *
 * Hot path: text an SDK built is already canonical (unreserved characters and upper-case escapes
 * of everything else), so runs of canonical text are copied as slices and a fully canonical
 * component comes back as the same string.
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
  const { keepSlash } = options;
  let out = '';
  let runStart = 0;
  let i = 0;
  while (i < raw.length) {
    const c = raw.charCodeAt(i);
    if (c < 128 && (UNRESERVED[c] === 1 || (c === 0x2f && keepSlash))) {
      i++;
      continue;
    }
    let replacement: string;
    let width = 1;
    if (c === 0x25) {
      const hi = hexValue(raw.charCodeAt(i + 1));
      const lo = hexValue(raw.charCodeAt(i + 2));
      if (hi < 0 || lo < 0) {
        replacement = '%25';
      } else {
        width = 3;
        const b = (hi << 4) | lo;
        replacement = encodeByte(b, keepSlash);
        // `%2F`, `%20`…: already canonical, stays part of the run.
        if (replacement.charCodeAt(1) === raw.charCodeAt(i + 1) && replacement.charCodeAt(2) === raw.charCodeAt(i + 2)) {
          i += 3;
          continue;
        }
      }
    } else if (c === 0x2b && options.plusAsSpace) {
      replacement = '%20';
    } else if (c < 128) {
      replacement = PERCENT_ENCODED[c]!;
    } else {
      const cp = raw.codePointAt(i)!;
      width = cp > 0xffff ? 2 : 1;
      replacement = '';
      for (const b of Buffer.from(String.fromCodePoint(cp), 'utf8')) replacement += PERCENT_ENCODED[b];
    }
    out += raw.slice(runStart, i) + replacement;
    i += width;
    runStart = i;
  }
  return runStart === 0 ? raw : out + raw.slice(runStart);
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
