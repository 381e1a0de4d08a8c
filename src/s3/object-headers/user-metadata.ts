/**
 * x-amz-meta-* headers (../shared/spec/s3-core.md §3.1). Names are stored lower-cased; repeated
 * names are joined with `,`. Header bytes arrive as latin1 in node, so UTF-8 values are recovered
 * from them; non-ASCII values go back out RFC 2047-encoded, as S3 sends them; RFC 2047 input
 * that decodes to pure ASCII is stored decoded.
 */
import { S3Error } from '../errors/s3-error.ts';
import type { RequestHeaders } from '../s3-request.ts';

const PREFIX = 'x-amz-meta-';
/** S3's limit: names (without the prefix) and values together, in UTF-8 bytes. */
export const MAX_USER_METADATA_BYTES = 2048;

export function parseUserMetadata(headers: RequestHeaders): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  let size = 0;
  for (const name of headers.names()) {
    if (!name.startsWith(PREFIX)) continue;
    const key = name.slice(PREFIX.length);
    const value = headers.values(name).map((v) => decodeHeaderValue(v.trim())).join(',');
    size += Buffer.byteLength(key) + Buffer.byteLength(value);
    out.push([key, value]);
  }
  if (size > MAX_USER_METADATA_BYTES) {
    throw new S3Error('MetadataTooLarge', {
      fields: [
        ['Size', String(size)],
        ['MaxSizeAllowed', String(MAX_USER_METADATA_BYTES)],
      ],
    });
  }
  return out;
}

export function userMetadataHeaders(metadata: ReadonlyArray<readonly [string, string]>, into: Record<string, string | number>): void {
  for (const [name, value] of metadata) into[PREFIX + name] = encodeHeaderValue(value);
}

function decodeHeaderValue(raw: string): string {
  const utf8 = /[\x80-\xff]/.test(raw) ? Buffer.from(raw, 'latin1').toString('utf8') : raw;
  const m = /^=\?utf-8\?([bq])\?(.*)\?=$/i.exec(utf8);
  if (!m) return utf8;
  const decoded =
    m[1]!.toLowerCase() === 'b'
      ? Buffer.from(m[2]!, 'base64').toString('utf8')
      : Buffer.from(m[2]!.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  // Only pure-ASCII results are stored decoded; anything else keeps the client's encoding.
  return /^[\x20-\x7e]*$/.test(decoded) ? decoded : utf8;
}

function encodeHeaderValue(value: string): string {
  return /^[\x20-\x7e\t]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}
