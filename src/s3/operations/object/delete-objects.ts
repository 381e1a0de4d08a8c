/**
 * DeleteObjects — POST /{bucket}?delete (../shared/spec/s3-core.md §5.2): up to 1000 keys, each
 * deleted on its own; per-key failures are <Error> entries in a 200 DeleteResult. The body must
 * carry Content-MD5 or a flexible checksum, and it must match.
 */
import { S3Error, invalidRequest, malformedXml } from '../../errors/s3-error.ts';
import { checkContentMd5, parseContentMd5 } from '../../object-headers/content-md5.ts';
import { verifyDocumentChecksum } from '../../object-headers/document-checksum.ts';
import { xmlResponse } from '../../s3-response.ts';
import { childrenOf, parseXmlDocument, textOf } from '../../xml/parse-xml.ts';
import { el, optionalEl, s3Document } from '../../xml/xml-writer.ts';
import { bucketOf, type Handler } from '../handler-context.ts';
import { createHash } from 'node:crypto';
import { declaredChecksum } from '../../../auth/payload/declared-checksum.ts';

const MAX_KEYS = 1000;

export const deleteObjects: Handler = async (ctx) => {
  const { req, deps } = ctx;
  const body = ctx.xml ?? Buffer.alloc(0);
  if (!req.headers.has('content-md5') && declaredChecksum(req.headers) === undefined) {
    throw invalidRequest('Missing required header for this request: Content-MD5');
  }
  checkContentMd5(parseContentMd5(req.headers.get('content-md5')), createHash('md5').update(body).digest());
  verifyDocumentChecksum(req.headers, body, ctx.payload.trailers());

  const doc = parseXmlDocument(body, 'Delete', ['Object']);
  const objects = childrenOf(doc, 'Object');
  if (objects.length === 0 || objects.length > MAX_KEYS) throw malformedXml();
  const quiet = (textOf(doc, 'Quiet') ?? 'false').trim().toLowerCase() === 'true';
  const bucket = bucketOf(ctx).name;

  let deleted = '';
  let errors = '';
  for (const o of objects) {
    const key = textOf(o, 'Key');
    if (key === undefined) throw malformedXml();
    const versionId = textOf(o, 'VersionId');
    try {
      if (Buffer.byteLength(key) > 1024) throw new S3Error('KeyTooLongError');
      const action = versionId === undefined ? 's3:DeleteObject' : 's3:DeleteObjectVersion';
      const decision = await ctx.checkAccess?.(action, key);
      // A denied key is reported like AWS's sample response: AccessDenied / Access Denied.
      if (decision !== undefined && !decision.allowed) throw new S3Error('AccessDenied', { reason: decision.reason });
      const { removed, blobs } = await deps.metadata.deleteObject(bucket, key, versionId);
      await deps.blobs.delete(blobs);
      if (!quiet) {
        deleted +=
          '<Deleted>' +
          el('Key', key) +
          optionalEl('VersionId', versionId) +
          (removed?.kind === 'delete-marker' ? el('DeleteMarker', true) + el('DeleteMarkerVersionId', removed.versionId) : '') +
          '</Deleted>';
      }
    } catch (e) {
      const error = e instanceof S3Error ? e : new S3Error('InternalError');
      errors += '<Error>' + el('Key', key) + optionalEl('VersionId', versionId) + el('Code', error.code) + el('Message', error.message) + '</Error>';
    }
  }
  return xmlResponse(s3Document('DeleteResult', deleted + errors));
};
