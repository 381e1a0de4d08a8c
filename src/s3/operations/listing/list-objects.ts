/**
 * ListObjects (v1, GET /{bucket}) and ListObjectsV2 (GET /{bucket}?list-type=2)
 * (../shared/spec/s3-core.md §6): UTF-8 key order, prefix/delimiter roll-up, markers,
 * continuation tokens, encoding-type=url, and AWS's element order.
 */
import type { ObjectVersion } from '../../../storage/types.ts';
import { isoMillisZero } from '../../../lib/dates.ts';
import { decodeContinuationToken, encodeContinuationToken } from '../../listing/continuation-token.ts';
import { listPage, type ScanFrom } from '../../listing/list-page.ts';
import { parseEncodingType, parseMaxKeys, urlEncodeKey } from '../../listing/list-params.ts';
import { xmlResponse } from '../../s3-response.ts';
import { el, optionalEl, s3Document } from '../../xml/xml-writer.ts';
import { bucketOf, type Handler, type HandlerContext } from '../handler-context.ts';

export const listObjects: Handler = (ctx) => list(ctx, 1);
export const listObjectsV2: Handler = (ctx) => list(ctx, 2);

async function list(ctx: HandlerContext, version: 1 | 2) {
  const q = ctx.req.query;
  const bucket = bucketOf(ctx);
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') || undefined;
  const { pageSize, echo } = parseMaxKeys(q);
  const encoding = parseEncodingType(q);
  const enc = (text: string) => (encoding === 'url' ? urlEncodeKey(text) : text);

  let marker: string | undefined;
  const token = q.get('continuation-token');
  const startAfter = q.get('start-after');
  if (version === 1) marker = q.get('marker') || undefined;
  else marker = token !== undefined ? decodeContinuationToken(token) : startAfter || undefined;

  const page = await listPage<ObjectVersion>({
    prefix,
    delimiter,
    marker,
    start: marker === undefined ? undefined : { atKey: marker + '\u0000' },
    maxKeys: pageSize,
    keyOf: (o) => o.key,
    scan: (from: ScanFrom<ObjectVersion>, limit) =>
      ctx.deps.metadata.scanObjects(bucket.name, {
        prefix,
        cursor: from === undefined ? undefined : 'after' in from ? { key: from.after.key, inclusive: false } : { key: from.atKey, inclusive: true },
        limit,
      }),
  });

  const last = page.last === undefined ? undefined : page.last.kind === 'entry' ? page.last.item.key : page.last.prefix;
  let xml = el('Name', bucket.name) + el('Prefix', enc(prefix));
  if (version === 1) {
    xml += el('Marker', enc(marker ?? ''));
    if (page.isTruncated && delimiter !== undefined && last !== undefined) xml += el('NextMarker', enc(last));
  } else {
    if (startAfter !== undefined) xml += el('StartAfter', enc(startAfter));
    if (token !== undefined) xml += el('ContinuationToken', token);
    if (page.isTruncated && last !== undefined) xml += el('NextContinuationToken', encodeContinuationToken(last));
    xml += el('KeyCount', page.entries.length + page.commonPrefixes.length);
  }
  xml += el('MaxKeys', echo) + optionalEl('Delimiter', delimiter === undefined ? undefined : enc(delimiter));
  xml += optionalEl('EncodingType', encoding) + el('IsTruncated', page.isTruncated);

  const withOwner = version === 1 || q.get('fetch-owner') === 'true';
  for (const o of page.entries) xml += contentsXml(o, enc(o.key), withOwner);
  for (const p of page.commonPrefixes) xml += '<CommonPrefixes>' + el('Prefix', enc(p)) + '</CommonPrefixes>';
  return xmlResponse(s3Document('ListBucketResult', xml));
}

function contentsXml(o: ObjectVersion, key: string, withOwner: boolean): string {
  let xml = '<Contents>' + el('Key', key) + el('LastModified', isoMillisZero(o.lastModified)) + el('ETag', `"${o.etag}"`);
  if (o.checksum !== undefined) xml += el('ChecksumAlgorithm', o.checksum.algorithm) + el('ChecksumType', o.checksum.type);
  xml += el('Size', o.size);
  if (withOwner) xml += '<Owner>' + el('ID', o.owner.canonicalId) + '</Owner>';
  return xml + el('StorageClass', o.storageClass) + '</Contents>';
}
