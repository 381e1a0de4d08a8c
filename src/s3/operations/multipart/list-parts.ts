/**
 * ListParts — GET /{bucket}/{key}?uploadId=ID (../shared/spec/s3-core.md §7.6): parts after
 * part-number-marker, at most max-parts (≤ 1000); NextPartNumberMarker always present.
 */
import { isoMillisZero } from '../../../lib/dates.ts';
import { invalidArgument } from '../../errors/s3-error.ts';
import { MAX_PAGE } from '../../listing/list-params.ts';
import { xmlResponse } from '../../s3-response.ts';
import { el, optionalEl, s3Document } from '../../xml/xml-writer.ts';
import { bucketOf, keyOf, type Handler } from '../handler-context.ts';
import { findUpload } from './find-upload.ts';

export const listParts: Handler = async (ctx) => {
  const q = ctx.req.query;
  const upload = await findUpload(ctx);
  const max = integerParam(q.get('max-parts'), 'max-parts', MAX_PAGE);
  const marker = integerParam(q.get('part-number-marker') || undefined, 'part-number-marker', 0);
  const pageSize = Math.min(max, MAX_PAGE);
  const parts = pageSize === 0 ? [] : await ctx.deps.metadata.listParts(upload.uploadId, marker, pageSize + 1);
  const truncated = parts.length > pageSize;
  const page = parts.slice(0, pageSize);
  const next = page.length > 0 ? page[page.length - 1]!.partNumber : 0;

  let xml = el('Bucket', bucketOf(ctx).name) + el('Key', keyOf(ctx)) + el('UploadId', upload.uploadId);
  xml += '<Initiator>' + el('ID', upload.initiator.id) + el('DisplayName', upload.initiator.displayName) + '</Initiator>';
  xml += '<Owner>' + el('ID', upload.owner.canonicalId) + '</Owner>' + el('StorageClass', upload.storageClass);
  xml += el('PartNumberMarker', marker) + el('NextPartNumberMarker', next) + el('MaxParts', max) + el('IsTruncated', truncated);
  for (const p of page) {
    xml += '<Part>' + el('PartNumber', p.partNumber) + el('LastModified', isoMillisZero(p.lastModified)) + el('ETag', `"${p.etag}"`) + el('Size', p.size);
    if (upload.checksumAlgorithm && p.checksum !== undefined) xml += el(`Checksum${upload.checksumAlgorithm}`, p.checksum);
    xml += '</Part>';
  }
  xml += optionalEl('ChecksumAlgorithm', upload.checksumAlgorithm) + optionalEl('ChecksumType', upload.checksumType);
  return xmlResponse(s3Document('ListPartsResult', xml));
};

function integerParam(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 2147483647) {
    throw invalidArgument(`Provided ${name} not an integer or within integer range`, name, text);
  }
  return n;
}
