/**
 * The headers of GetObject/HeadObject for a stored object (../shared/spec/s3-core.md §4.1).
 */
import type { ObjectVersion } from '../../storage/types.ts';
import { httpDate } from '../../lib/dates.ts';
import { checksumHeaderName } from '../../lib/checksum-algorithm.ts';
import { userMetadataHeaders } from './user-metadata.ts';

export function objectResponseHeaders(object: ObjectVersion): Record<string, string | number> {
  const h: Record<string, string | number> = {
    'content-type': object.headers.contentType ?? 'binary/octet-stream',
    etag: `"${object.etag}"`,
    'last-modified': httpDate(object.lastModified),
    'accept-ranges': 'bytes',
  };
  const s = object.headers;
  if (s.contentEncoding !== undefined) h['content-encoding'] = s.contentEncoding;
  if (s.contentDisposition !== undefined) h['content-disposition'] = s.contentDisposition;
  if (s.contentLanguage !== undefined) h['content-language'] = s.contentLanguage;
  if (s.cacheControl !== undefined) h['cache-control'] = s.cacheControl;
  if (s.expires !== undefined) h['expires'] = s.expires;
  if (s.websiteRedirectLocation !== undefined) h['x-amz-website-redirect-location'] = s.websiteRedirectLocation;
  userMetadataHeaders(object.userMetadata, h);
  if (object.storageClass !== 'STANDARD') h['x-amz-storage-class'] = object.storageClass;
  if (object.versionId !== 'null') h['x-amz-version-id'] = object.versionId;
  if (object.tags !== undefined && object.tags.length > 0) h['x-amz-tagging-count'] = object.tags.length;
  return h;
}

/** With `x-amz-checksum-mode: ENABLED` on a whole-object read: the stored checksum and its type. */
export function checksumResponseHeaders(object: ObjectVersion, into: Record<string, string | number>): void {
  if (object.checksum === undefined) return;
  into[checksumHeaderName(object.checksum.algorithm)] = object.checksum.value;
  into['x-amz-checksum-type'] = object.checksum.type;
}
