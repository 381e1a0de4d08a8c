/**
 * Parameters shared by the listings (../shared/spec/s3-core.md §6.1): max-keys (default 1000,
 * capped at 1000, errors for junk) and encoding-type (only `url`).
 */
import { invalidArgument } from '../errors/s3-error.ts';
import type { QueryParams } from '../s3-request.ts';

export const MAX_PAGE = 1000;

/** The page size to use and the value to echo in MaxKeys. */
export function parseMaxKeys(query: QueryParams, param = 'max-keys'): { pageSize: number; echo: number } {
  const text = query.get(param);
  if (text === undefined) return { pageSize: MAX_PAGE, echo: MAX_PAGE };
  if (!/^-?\d+$/.test(text.trim()) || Number(text) > 2147483647 || Number(text) < -2147483648) {
    throw invalidArgument(`Provided ${param} not an integer or within integer range`, param, text);
  }
  const n = Number(text);
  // AWS names the parameter in camel case here (maxKeys, maxUploads).
  const camel = param.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
  if (n < 0) throw invalidArgument(`Argument ${camel} must be an integer between 0 and 2147483647`, camel, text);
  return { pageSize: Math.min(n, MAX_PAGE), echo: n };
}

export function parseEncodingType(query: QueryParams): 'url' | undefined {
  const value = query.get('encoding-type');
  if (value === undefined) return undefined;
  if (value !== 'url') throw invalidArgument('Invalid Encoding Method specified in Request', 'encoding-type', value);
  return 'url';
}

/**
 * encoding-type=url: form-encode as S3 does — keep `A-Za-z0-9 - _ . * /`, space → `+`, every
 * other UTF-8 byte `%XX` upper-case.
 */
export function urlEncodeKey(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    if (KEEP[byte] === 1) out += String.fromCharCode(byte);
    else if (byte === 0x20) out += '+';
    else out += '%' + HEX[byte >> 4] + HEX[byte & 15];
  }
  return out;
}

const HEX = '0123456789ABCDEF';
const KEEP = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.*/') KEEP[c.charCodeAt(0)] = 1;
