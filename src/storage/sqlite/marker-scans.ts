/**
 * The two listings that resume from a marker naming one row inside a key (S3's
 * version-id-marker and upload-id-marker), run inside one read transaction by the store.
 * Each page is at most two index ranges, whatever the bucket holds.
 */
import { prefixUpperBound } from '../../lib/utf8-order.ts';
import type { UploadScanOptions, VersionScanOptions } from '../metadata-store.ts';
import { scanStart } from './key-range.ts';
import type { UploadRow, VersionRow } from './rows.ts';
import type { Statements } from './statements.ts';

/**
 * Keys ascending, versions newest first. After a version marker: the rest of that key's
 * versions (older than the marker), then later keys. An unknown version id resumes after
 * the whole key, as a key marker alone does.
 */
export function scanVersionRows(s: Statements, bucket: string, options: VersionScanOptions): VersionRow[] {
  const { prefix, keyMarker, versionIdMarker, cursor } = options;
  const limit = Math.max(0, options.limit);
  const rows: VersionRow[] = [];
  let start = scanStart(prefix, cursor);
  if (!cursor && keyMarker !== undefined) {
    const marker =
      versionIdMarker !== undefined && keyMarker.startsWith(prefix)
        ? s.version.get(bucket, keyMarker, versionIdMarker)
        : undefined;
    if (marker) rows.push(...s.olderVersions.all(bucket, keyMarker, marker.id, limit));
    start = scanStart(prefix, { key: keyMarker, inclusive: false });
  }
  const rest = limit - rows.length;
  if (rest > 0) {
    const end = prefixUpperBound(prefix);
    const page =
      end === undefined ? s.scanVersionsToEnd.all(bucket, start, rest) : s.scanVersions.all(bucket, start, end, rest);
    rows.push(...page);
  }
  return rows;
}

/**
 * Keys ascending, then initiation time (upload id breaking ties). After an upload marker: the
 * uploads that follow it in that order. An upload id that is not an open upload of the key
 * resumes after the whole key, as a key marker alone does.
 */
export function scanUploadRows(s: Statements, bucket: string, options: UploadScanOptions): UploadRow[] {
  const { prefix, keyMarker, uploadIdMarker, cursor } = options;
  const limit = Math.max(0, options.limit);
  const end = prefixUpperBound(prefix);
  if (!cursor && keyMarker !== undefined && uploadIdMarker !== undefined && keyMarker.startsWith(prefix)) {
    const marker = s.getUpload.get(uploadIdMarker);
    if (marker && marker.bucket === bucket && marker.key === keyMarker) {
      const after = [bucket, keyMarker, marker.initiated, marker.upload_id] as const;
      return end === undefined
        ? s.scanUploadsAfterToEnd.all(...after, limit)
        : s.scanUploadsAfter.all(...after, end, limit);
    }
  }
  const from = cursor ?? (keyMarker === undefined ? undefined : { key: keyMarker, inclusive: false });
  const start = scanStart(prefix, from);
  return end === undefined
    ? s.scanUploadsToEnd.all(bucket, start, limit)
    : s.scanUploads.all(bucket, start, end, limit);
}
