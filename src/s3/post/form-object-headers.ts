/**
 * The fields of a POST form that describe the object (../shared/spec/sigv2-and-post.md §4.1),
 * as the request headers PutObject would have received, so that the same parsers store them with
 * the same checks: Cache-Control, Content-Type, Content-Disposition, Content-Encoding,
 * Content-Language, Expires, x-amz-meta-*, x-amz-storage-class, x-amz-tagging,
 * x-amz-website-redirect-location, Content-MD5 and the x-amz-checksum-<algorithm> values.
 *
 * Only the form's own Content-Type field sets the object's type; the file part's Content-Type is
 * not used (uploads without the field are stored as binary/octet-stream on S3).
 *
 * Values go in as node delivers header values — the UTF-8 bytes as latin1 characters — because
 * the header parsers recover UTF-8 from that form (user-metadata.ts) and stored headers are
 * sent back byte for byte.
 */
import { RequestHeaders } from '../s3-request.ts';

const OBJECT_FIELDS = new Set([
  'cache-control',
  'content-type',
  'content-disposition',
  'content-encoding',
  'content-language',
  'content-md5',
  'expires',
  'x-amz-storage-class',
  'x-amz-tagging',
  'x-amz-website-redirect-location',
]);

const CHECKSUM_VALUE = /^x-amz-checksum-(crc32|crc32c|crc64nvme|sha1|sha256)$/;

export function formObjectHeaders(fields: ReadonlyMap<string, string>): RequestHeaders {
  const map = new Map<string, readonly string[]>();
  for (const [name, value] of fields) {
    if (!OBJECT_FIELDS.has(name) && !name.startsWith('x-amz-meta-') && !CHECKSUM_VALUE.test(name)) continue;
    map.set(name, [Buffer.from(value, 'utf8').toString('latin1')]);
  }
  return new RequestHeaders(map);
}

/**
 * The form's ACL fields as the headers the ACL resolver reads: `acl` is POST's name for
 * x-amz-acl; the x-amz-grant-* fields keep their names.
 */
export function formAclHeaders(fields: ReadonlyMap<string, string>): { get(name: string): string | undefined } {
  return { get: (name) => (name === 'x-amz-acl' ? fields.get('acl') : name.startsWith('x-amz-grant-') ? fields.get(name) : undefined) };
}
