/**
 * ListMultipartUploads — GET /{bucket}?uploads (../shared/spec/s3-core.md §7.7): open uploads by
 * key then initiation time, with prefix/delimiter roll-up and key/upload-id markers.
 * NextKeyMarker/NextUploadIdMarker name the page's last upload even when it is not truncated.
 */
import type { MultipartUpload } from '../../../storage/types.ts';
import { isoMillisZero } from '../../../lib/dates.ts';
import { invalidArgument } from '../../errors/s3-error.ts';
import { listPage, type ScanFrom } from '../../listing/list-page.ts';
import { parseEncodingType, parseMaxKeys, urlEncodeKey } from '../../listing/list-params.ts';
import { xmlResponse } from '../../s3-response.ts';
import { el, optionalEl, s3Document } from '../../xml/xml-writer.ts';
import { bucketOf, type Handler } from '../handler-context.ts';

export const listMultipartUploads: Handler = async (ctx) => {
  const q = ctx.req.query;
  const bucket = bucketOf(ctx);
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') || undefined;
  const { pageSize, echo } = parseMaxKeys(q, 'max-uploads');
  const encoding = parseEncodingType(q);
  const enc = (text: string) => (encoding === 'url' ? urlEncodeKey(text) : text);
  const keyMarker = q.get('key-marker') || undefined;
  // upload-id-marker means nothing without key-marker (ignored, as on AWS).
  const uploadIdMarker = keyMarker === undefined ? undefined : q.get('upload-id-marker') || undefined;

  let start: ScanFrom<MultipartUpload> = keyMarker === undefined ? undefined : { atKey: keyMarker + '\u0000' };
  if (uploadIdMarker !== undefined) {
    const marked = await ctx.deps.metadata.getMultipartUpload(bucket.name, keyMarker!, uploadIdMarker);
    if (marked === undefined) throw invalidArgument('Invalid uploadId marker', 'upload-id-marker', uploadIdMarker);
    start = { after: marked };
  }

  const page = await listPage<MultipartUpload>({
    prefix,
    delimiter,
    marker: keyMarker,
    start,
    maxKeys: pageSize,
    keyOf: (u) => u.key,
    scan: (from, limit) =>
      ctx.deps.metadata.scanMultipartUploads(bucket.name, {
        prefix,
        ...(from === undefined
          ? {}
          : 'after' in from
            ? { keyMarker: from.after.key, uploadIdMarker: from.after.uploadId }
            : { cursor: { key: from.atKey, inclusive: true } }),
        limit,
      }),
  });

  const lastUpload = page.entries[page.entries.length - 1];
  let xml = el('Bucket', bucket.name) + el('KeyMarker', enc(keyMarker ?? '')) + el('UploadIdMarker', uploadIdMarker ?? '');
  xml += el('NextKeyMarker', lastUpload ? enc(lastUpload.key) : '') + el('NextUploadIdMarker', lastUpload?.uploadId ?? '');
  xml += optionalEl('Delimiter', delimiter === undefined ? undefined : enc(delimiter)) + optionalEl('Prefix', q.has('prefix') ? enc(prefix) : undefined);
  xml += el('MaxUploads', echo) + el('IsTruncated', page.isTruncated);
  for (const u of page.entries) {
    xml +=
      '<Upload>' + el('Key', enc(u.key)) + el('UploadId', u.uploadId) +
      '<Initiator>' + el('ID', u.initiator.id) + el('DisplayName', u.initiator.displayName) + '</Initiator>' +
      '<Owner>' + el('ID', u.owner.canonicalId) + '</Owner>' + el('StorageClass', u.storageClass) +
      el('Initiated', isoMillisZero(u.initiated)) +
      optionalEl('ChecksumAlgorithm', u.checksumAlgorithm) + optionalEl('ChecksumType', u.checksumType) + '</Upload>';
  }
  for (const p of page.commonPrefixes) xml += '<CommonPrefixes>' + el('Prefix', enc(p)) + '</CommonPrefixes>';
  xml += optionalEl('EncodingType', encoding);
  return xmlResponse(s3Document('ListMultipartUploadsResult', xml));
};
