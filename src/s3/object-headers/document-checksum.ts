/**
 * A flexible checksum header on a small request document (DeleteObjects, bucket configurations):
 * current SDKs send `x-amz-checksum-crc32` instead of Content-MD5. Verified against the buffered
 * body with the same rules and errors as object writes.
 */
import { declaredChecksum, verifyDeclaredChecksum } from '../../auth/payload/declared-checksum.ts';
import { createChecksum } from '../../lib/checksums/create-checksum.ts';
import type { RequestHeaders } from '../s3-request.ts';

export function verifyDocumentChecksum(headers: RequestHeaders, body: Buffer, trailers: ReadonlyMap<string, string>): void {
  const declared = declaredChecksum(headers);
  if (declared === undefined) return;
  const checksum = createChecksum(declared.algorithm);
  checksum.update(body);
  verifyDeclaredChecksum(declared, { trailers, computed: new Map([[declared.algorithm, checksum.digest()]]) });
}
