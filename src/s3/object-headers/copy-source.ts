/**
 * The `x-amz-copy-source` header of CopyObject and UploadPartCopy
 * (../shared/spec/s3-core.md §5.3): `[/]bucket/url-encoded-key[?versionId=id]`, with `+` meaning a
 * space as in paths; and the copy-source preconditions, each failing with 412 (never 304).
 */
import { parseHttpDate } from '../../lib/dates.ts';
import { percentDecode } from '../../lib/percent-decode.ts';
import { S3Error, preconditionFailed } from '../errors/s3-error.ts';
import type { RequestHeaders } from '../s3-request.ts';
import { etagMatches } from './check-read-conditions.ts';

export interface CopySource {
  bucket: string;
  key: string;
  versionId: string | undefined;
}

export function parseCopySource(header: string): CopySource {
  const raw = header.startsWith('/') ? header.slice(1) : header;
  const q = raw.indexOf('?');
  const path = q === -1 ? raw : raw.slice(0, q);
  let versionId: string | undefined;
  if (q !== -1) {
    for (const piece of raw.slice(q + 1).split('&')) {
      if (piece.startsWith('versionId=')) versionId = percentDecode(piece.slice('versionId='.length), { plusAsSpace: true });
    }
  }
  const slash = path.indexOf('/');
  const bucket = slash === -1 ? undefined : percentDecode(path.slice(0, slash), { plusAsSpace: false });
  const key = slash === -1 ? undefined : percentDecode(path.slice(slash + 1), { plusAsSpace: true });
  if (bucket === undefined || bucket === '' || key === undefined || key === '') {
    throw new S3Error('InvalidArgument', {
      message: 'Invalid copy source object key',
      fields: [
        ['ArgumentName', 'x-amz-copy-source'],
        ['ArgumentValue', 'x-amz-copy-source'],
      ],
    });
  }
  return { bucket, key, versionId };
}

/** x-amz-copy-source-if-* in AWS's order; LastModified ≤ date means "not modified". */
export function checkCopySourceConditions(headers: RequestHeaders, source: { etag: string; lastModified: number }, now: number): void {
  const lastModified = Math.floor(source.lastModified / 1000) * 1000;
  const ifMatch = headers.get('x-amz-copy-source-if-match');
  const ifUnmodifiedSince = dateOf(headers.get('x-amz-copy-source-if-unmodified-since'));
  const ifNoneMatch = headers.get('x-amz-copy-source-if-none-match');
  const ifModifiedSince = dateOf(headers.get('x-amz-copy-source-if-modified-since'));
  if (ifMatch !== undefined && !etagMatches(ifMatch, source.etag)) throw preconditionFailed('x-amz-copy-source-If-Match');
  if (ifUnmodifiedSince !== undefined && ifMatch === undefined && lastModified > ifUnmodifiedSince) {
    throw preconditionFailed('x-amz-copy-source-If-Unmodified-Since');
  }
  if (ifNoneMatch !== undefined && etagMatches(ifNoneMatch, source.etag)) throw preconditionFailed('x-amz-copy-source-If-None-Match');
  if (ifModifiedSince !== undefined && ifModifiedSince <= now && lastModified <= ifModifiedSince && ifNoneMatch === undefined) {
    throw preconditionFailed('x-amz-copy-source-If-Modified-Since');
  }
}

function dateOf(text: string | undefined): number | undefined {
  return text === undefined ? undefined : parseHttpDate(text);
}
