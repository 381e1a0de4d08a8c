import type { RequestHeaders } from '../../s3/s3-request.ts';
import { isSignedHeader } from './is-signed-header.ts';

/**
 * Headers that had to be signed but were not (sigv4.md §2.4, errors.md §2.4): `host` always, and
 * with S3's rules every `x-amz-*` header except x-amz-content-sha256 (S3 uses its value as the
 * payload hash whether signed or not). Sorted, lower-case, for `<HeadersNotSigned>`; empty when
 * all is well.
 */
export function findUnsignedHeaders(
  headers: RequestHeaders,
  signedHeaders: string,
  options: { amzHeaders: boolean },
): string[] {
  const unsigned: string[] = [];
  if (!isSignedHeader(signedHeaders, 'host')) unsigned.push('host');
  if (options.amzHeaders) {
    for (const name of headers.names()) {
      if (name.startsWith('x-amz-') && name !== 'x-amz-content-sha256' && !isSignedHeader(signedHeaders, name)) {
        unsigned.push(name);
      }
    }
  }
  return unsigned.length > 1 ? unsigned.sort() : unsigned;
}
