import { percentDecode } from '../../lib/percent-decode.ts';
import type { S3Request } from '../../s3/s3-request.ts';
import { SIGNED_SUB_RESOURCES } from './constants.ts';

/**
 * SigV2's CanonicalizedResource (sigv2-and-post.md §1.4): `/<bucket>` when the bucket is in the
 * Host header (virtual-hosted style), then the request path exactly as sent (not decoded, `%XX`
 * casing kept), then `?` and the signed sub-resources sorted by name and joined with `&`. A
 * sub-resource without a value is `name`, one with a value `name=value` with the value decoded
 * (AWS: `/bucket/key?acl&versionId=3/L4kq…`). A request for the service (ListBuckets) is `/`, a
 * bucket root `/bucket/`.
 *
 * The result is a byte string (one character per byte, as node gives the path): a decoded value
 * is turned back into its UTF-8 bytes so that the whole string to sign is one encoding.
 */
export function canonicalResource(req: Pick<S3Request, 'rawPath' | 'rawQuery' | 'bucket' | 'addressing'>): string {
  let path = req.rawPath === '' ? '/' : req.rawPath;
  // The bucket root is `/bucket/` however the path spelled it: `PUT /bucket` signs `/bucket/`
  // (AWS builds the resource from bucket and key; botocore signs path-style bucket requests so).
  if (req.addressing === 'path' && req.bucket !== undefined && path.indexOf('/', 1) === -1) path += '/';
  const prefix = req.addressing === 'virtual-host' && req.bucket !== undefined ? '/' + req.bucket : '';
  return prefix + path + subResources(req.rawQuery);
}

/** `?acl&versionId=3` or '' — the signed parameters of the raw query, sorted by name (stable). */
export function subResources(rawQuery: string): string {
  if (rawQuery === '') return '';
  const picked: Array<[string, string]> = [];
  for (const piece of rawQuery.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const name = decodeToBytes(eq === -1 ? piece : piece.slice(0, eq));
    if (!SIGNED_SUB_RESOURCES.has(name)) continue;
    picked.push([name, eq === -1 ? '' : decodeToBytes(piece.slice(eq + 1))]);
  }
  if (picked.length === 0) return '';
  // Array.prototype.sort is stable: a repeated name keeps the order it was sent in.
  picked.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  // `?acl=` is the same request as `?acl`: S3 sees no value either way, so neither signs an `=`.
  return '?' + picked.map(([name, value]) => (value === '' ? name : `${name}=${value}`)).join('&');
}

/** Percent-decodes (`+` is a space, as S3 reads queries) into a byte string; malformed text stays as sent. */
function decodeToBytes(text: string): string {
  const decoded = percentDecode(text, { plusAsSpace: true });
  return decoded === undefined ? text : Buffer.from(decoded, 'utf8').toString('latin1');
}
