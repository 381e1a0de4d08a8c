/**
 * Conditional writes (../shared/spec/s3-core.md §3.4): `If-None-Match: *` and `If-Match: <etag>`
 * on PutObject, CopyObject and CompleteMultipartUpload. Checked by the store inside the commit
 * transaction, so two racing writers cannot both win.
 */
import { S3Error } from '../errors/s3-error.ts';
import type { RequestHeaders } from '../s3-request.ts';
import type { WriteConditions } from '../../storage/metadata-store.ts';

export function parseWriteConditions(headers: RequestHeaders): WriteConditions | undefined {
  const ifMatch = headers.get('if-match');
  const ifNoneMatch = headers.get('if-none-match');
  if (ifMatch === undefined && ifNoneMatch === undefined) return undefined;
  if (ifMatch !== undefined && ifNoneMatch !== undefined) {
    throw notImplemented('If-Match,If-None-Match', 'Multiple conditional request headers present in the request');
  }
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch.trim() !== '*') {
      throw notImplemented('If-None-Match', "We don't accept the provided value of If-None-Match header for this API");
    }
    return { ifNoneMatch: true };
  }
  const etag = ifMatch!.trim();
  if (etag === '*') throw notImplemented('If-Match', "We don't accept the provided value of If-Match header for this API");
  return { ifMatch: etag.length >= 2 && etag.startsWith('"') && etag.endsWith('"') ? etag.slice(1, -1) : etag };
}

function notImplemented(header: string, additional: string): S3Error {
  return new S3Error('NotImplemented', {
    fields: [
      ['Header', header],
      ['additionalMessage', additional],
    ],
  });
}
