import type { S3Request } from '../../s3/s3-request.ts';
import { canonicalAmzHeaders } from './canonical-amz-headers.ts';
import { canonicalResource } from './canonical-resource.ts';
import { positionalLines, stringToSignV2 } from './string-to-sign-v2.ts';

/**
 * The strings a header-signed SigV2 request may have signed, the documented one first (it is the
 * one a SignatureDoesNotMatch reports). sigv2-and-post.md §1.2 leaves open how AWS treats the
 * Date line when `x-amz-date` is sent, and says a tolerant server can accept either form:
 *
 * 1. documented (AWS RESTAuthentication, s3cmd, botocore): the Date line is empty and
 *    `x-amz-date:<value>` is one of the CanonicalizedAmzHeaders;
 * 2. AWS's own "Delete" example: the x-amz-date value on the Date line, no x-amz-date amz line;
 * 3. MinIO: the `Date` header's value on the Date line (only when a Date header is sent too),
 *    x-amz-date among the amz headers.
 *
 * Without x-amz-date there is one string: the Date header's value on the Date line. Positional
 * lines hold only the (trimmed) header value, '' when absent (§1.1).
 */
export function headerStringsToSign(req: Pick<S3Request, 'method' | 'headers' | 'rawPath' | 'rawQuery' | 'bucket' | 'addressing'>): string[] {
  const { headers } = req;
  const base = {
    method: req.method,
    ...positionalLines(headers),
    resource: canonicalResource(req),
  };
  const amzHeaders = canonicalAmzHeaders(headers);
  const date = headers.get('date');
  const xAmzDate = headers.get('x-amz-date');
  if (xAmzDate === undefined) return [stringToSignV2({ ...base, dateLine: (date ?? '').trim(), amzHeaders })];

  const candidates = [
    stringToSignV2({ ...base, dateLine: '', amzHeaders }),
    stringToSignV2({ ...base, dateLine: xAmzDate.trim(), amzHeaders: canonicalAmzHeaders(headers, { omit: 'x-amz-date' }) }),
  ];
  if (date !== undefined) candidates.push(stringToSignV2({ ...base, dateLine: date.trim(), amzHeaders }));
  return candidates;
}
