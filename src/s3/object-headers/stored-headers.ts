/**
 * The system headers S3 stores with an object (../shared/spec/s3-core.md §3.1).
 */
import type { StoredHeaders } from '../../storage/types.ts';
import type { RequestHeaders } from '../s3-request.ts';
import { S3Error } from '../errors/s3-error.ts';
import { storedContentEncoding } from '../../auth/payload/stored-content-encoding.ts';
import { percentDecode } from '../../lib/percent-decode.ts';

export function parseStoredHeaders(headers: RequestHeaders): StoredHeaders {
  const out: StoredHeaders = {};
  const contentType = headers.get('content-type');
  if (contentType !== undefined) out.contentType = contentType;
  const encoding = storedContentEncoding(headers.get('content-encoding'));
  if (encoding !== undefined) out.contentEncoding = encoding;
  const copy = (header: string, field: Exclude<keyof StoredHeaders, 'contentType' | 'contentEncoding'>) => {
    const v = headers.get(header);
    if (v !== undefined) out[field] = v;
  };
  copy('content-disposition', 'contentDisposition');
  copy('content-language', 'contentLanguage');
  copy('cache-control', 'cacheControl');
  copy('expires', 'expires');
  copy('x-amz-website-redirect-location', 'websiteRedirectLocation');
  return out;
}

const STORAGE_CLASSES = new Set([
  'STANDARD', 'REDUCED_REDUNDANCY', 'STANDARD_IA', 'ONEZONE_IA', 'INTELLIGENT_TIERING',
  'GLACIER', 'DEEP_ARCHIVE', 'OUTPOSTS', 'GLACIER_IR', 'SNOW', 'EXPRESS_ONEZONE',
]);

/** x-amz-storage-class: stored as given (Coffer keeps every class on the same disk). */
export function parseStorageClass(headers: RequestHeaders): string {
  const value = headers.get('x-amz-storage-class');
  if (value === undefined || value === '') return 'STANDARD';
  if (!STORAGE_CLASSES.has(value)) {
    throw new S3Error('InvalidStorageClass', { fields: [['StorageClassRequested', value]] });
  }
  return value;
}

/**
 * x-amz-tagging: `k1=v1&k2=v2`, URL-encoded; at most 10 tags, keys ≤ 128 and values ≤ 256
 * characters, no duplicate keys.
 */
export function parseTaggingHeader(headers: RequestHeaders): Array<[string, string]> | undefined {
  const raw = headers.get('x-amz-tagging');
  if (raw === undefined) return undefined;
  const tags: Array<[string, string]> = [];
  const seen = new Set<string>();
  for (const piece of raw.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const key = percentDecode(eq === -1 ? piece : piece.slice(0, eq), { plusAsSpace: true });
    const value = eq === -1 ? '' : percentDecode(piece.slice(eq + 1), { plusAsSpace: true });
    if (key === undefined || value === undefined) throw taggingError('The header \'x-amz-tagging\' shall be encoded as UTF-8 then URLEncoded URL query parameters without tag name duplicates.', raw);
    if (seen.has(key)) {
      throw new S3Error('InvalidArgument', {
        message:
          "The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL query parameters without tag name duplicates.",
        fields: [
          ['ArgumentName', 'x-amz-tagging'],
          ['ArgumentValue', raw],
        ],
      });
    }
    seen.add(key);
    tags.push([key, value]);
  }
  if (tags.length > 10) {
    throw new S3Error('InvalidArgument', { message: 'Object tags cannot be greater than 10', fields: [['ArgumentName', 'x-amz-tagging'], ['ArgumentValue', raw]] });
  }
  for (const [k, v] of tags) {
    if ([...k].length > 128 || k.length === 0) {
      throw new S3Error('InvalidArgument', { message: 'The TagKey you have provided is invalid', fields: [['ArgumentName', 'x-amz-tagging'], ['ArgumentValue', raw]] });
    }
    if ([...v].length > 256) {
      throw new S3Error('InvalidArgument', { message: 'The TagValue you have provided is invalid', fields: [['ArgumentName', 'x-amz-tagging'], ['ArgumentValue', raw]] });
    }
  }
  return tags;
}

function taggingError(message: string, raw: string): S3Error {
  return new S3Error('InvalidArgument', {
    message,
    fields: [
      ['ArgumentName', 'x-amz-tagging'],
      ['ArgumentValue', raw],
    ],
  });
}
