/**
 * A configuration document's Content-MD5 and flexible checksum header, checked against the body
 * when they are sent (InvalidDigest / BadDigest as for object writes; s3-core.md §3.2, §9).
 */
import { createHash } from 'node:crypto';
import { checkContentMd5, parseContentMd5 } from '../../object-headers/content-md5.ts';
import { verifyDocumentChecksum } from '../../object-headers/document-checksum.ts';
import type { HandlerContext } from '../handler-context.ts';

export function verifyDocumentDigests(ctx: HandlerContext, body: Buffer): void {
  checkContentMd5(parseContentMd5(ctx.req.headers.get('content-md5')), createHash('md5').update(body).digest());
  verifyDocumentChecksum(ctx.req.headers, body, ctx.payload.trailers());
}
