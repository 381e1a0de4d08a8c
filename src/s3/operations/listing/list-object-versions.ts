/**
 * ListObjectVersions — GET /{bucket}?versions (../shared/spec/s3-core.md §6.4). Keys ascending,
 * versions of a key newest first, delete markers among them; objects written while the bucket
 * was unversioned are version `null`. Tools empty buckets through this listing.
 */
import type { StoredVersion } from '../../../storage/types.ts';
import { isoMillisZero } from '../../../lib/dates.ts';
import { invalidArgument } from '../../errors/s3-error.ts';
import { listPage, type ScanFrom } from '../../listing/list-page.ts';
import { parseEncodingType, parseMaxKeys, urlEncodeKey } from '../../listing/list-params.ts';
import { xmlResponse } from '../../s3-response.ts';
import { el, optionalEl, s3Document } from '../../xml/xml-writer.ts';
import { bucketOf, type Handler } from '../handler-context.ts';

export const listObjectVersions: Handler = async (ctx) => {
  const q = ctx.req.query;
  const bucket = bucketOf(ctx);
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') || undefined;
  const { pageSize, echo } = parseMaxKeys(q);
  const encoding = parseEncodingType(q);
  const enc = (text: string) => (encoding === 'url' ? urlEncodeKey(text) : text);
  const keyMarker = q.get('key-marker') || undefined;
  const versionIdMarker = q.get('version-id-marker') || undefined;
  if (versionIdMarker !== undefined && keyMarker === undefined) {
    throw invalidArgument('A version-id marker cannot be specified without a key marker.', 'version-id-marker', versionIdMarker);
  }

  const start: ScanFrom<StoredVersion> =
    keyMarker === undefined
      ? undefined
      : versionIdMarker === undefined
        ? { atKey: keyMarker + '\u0000' }
        : { after: { key: keyMarker, versionId: versionIdMarker } as StoredVersion };

  const page = await listPage<StoredVersion>({
    prefix,
    delimiter,
    marker: keyMarker,
    start,
    maxKeys: pageSize,
    keyOf: (v) => v.key,
    scan: (from, limit) =>
      ctx.deps.metadata.scanVersions(bucket.name, {
        prefix,
        ...(from === undefined
          ? {}
          : 'after' in from
            ? { keyMarker: from.after.key, versionIdMarker: from.after.versionId }
            : { cursor: { key: from.atKey, inclusive: true } }),
        limit,
      }),
  });

  let xml = el('Name', bucket.name) + el('Prefix', enc(prefix)) + el('KeyMarker', enc(keyMarker ?? '')) + el('VersionIdMarker', versionIdMarker ?? '');
  if (page.isTruncated && page.last !== undefined) {
    if (page.last.kind === 'entry') {
      xml += el('NextKeyMarker', enc(page.last.item.key)) + el('NextVersionIdMarker', page.last.item.versionId);
    } else {
      xml += el('NextKeyMarker', enc(page.last.prefix));
    }
  }
  xml += el('MaxKeys', echo) + optionalEl('Delimiter', delimiter === undefined ? undefined : enc(delimiter));
  xml += optionalEl('EncodingType', encoding) + el('IsTruncated', page.isTruncated);
  for (const v of page.entries) xml += versionXml(v, enc(v.key));
  for (const p of page.commonPrefixes) xml += '<CommonPrefixes>' + el('Prefix', enc(p)) + '</CommonPrefixes>';
  return xmlResponse(s3Document('ListVersionsResult', xml));
};

function versionXml(v: StoredVersion, key: string): string {
  const owner = '<Owner>' + el('ID', v.owner.canonicalId) + '</Owner>';
  if (v.kind === 'delete-marker') {
    return (
      '<DeleteMarker>' + owner + el('Key', key) + el('VersionId', v.versionId) + el('IsLatest', v.isLatest) +
      el('LastModified', isoMillisZero(v.lastModified)) + '</DeleteMarker>'
    );
  }
  let xml = '<Version>' + el('Key', key) + el('VersionId', v.versionId) + el('IsLatest', v.isLatest);
  xml += el('LastModified', isoMillisZero(v.lastModified)) + el('ETag', `"${v.etag}"`);
  if (v.checksum !== undefined) xml += el('ChecksumAlgorithm', v.checksum.algorithm) + el('ChecksumType', v.checksum.type);
  return xml + el('Size', v.size) + owner + el('StorageClass', v.storageClass) + '</Version>';
}
