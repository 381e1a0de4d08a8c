/**
 * AWS `UriEncode`: every byte except A-Z a-z 0-9 - . _ ~ becomes %XY with upper-case hex;
 * `/` is kept only when `keepSlash` (canonical URI of S3 paths). Works on the UTF-8 bytes.
 */
const UNRESERVED = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~') {
  UNRESERVED[c.charCodeAt(0)] = 1;
}
const HEX = '0123456789ABCDEF';

export function uriEncodeBytes(bytes: Uint8Array, keepSlash: boolean): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (UNRESERVED[b] === 1 || (keepSlash && b === 0x2f)) out += String.fromCharCode(b);
    else out += '%' + HEX[b >> 4] + HEX[b & 15];
  }
  return out;
}

export function uriEncode(text: string, keepSlash: boolean): string {
  // Fast path: pure unreserved ASCII needs no work.
  let plain = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || (UNRESERVED[c] !== 1 && !(keepSlash && c === 0x2f))) {
      plain = false;
      break;
    }
  }
  return plain ? text : uriEncodeBytes(Buffer.from(text, 'utf8'), keepSlash);
}
