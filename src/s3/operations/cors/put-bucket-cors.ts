/**
 * PutBucketCors — PUT /{bucket}?cors (../shared/spec/s3-core.md §10.1): replaces the bucket's
 * CORS configuration whole. Like every bucket configuration PUT (§9) the document must carry
 * Content-MD5 or a flexible checksum (current SDKs send x-amz-checksum-crc32), and it must
 * match; then the schema (MalformedXML) and S3's own checks (InvalidRequest). 64 KB at most: the
 * registry's body limit.
 */
import { createHash } from 'node:crypto';
import { declaredChecksum } from '../../../auth/payload/declared-checksum.ts';
import { parseCorsConfiguration } from '../../cors/parse-cors-configuration.ts';
import { validateCorsRules } from '../../cors/validate-cors-rules.ts';
import { invalidRequest } from '../../errors/s3-error.ts';
import { checkContentMd5, parseContentMd5 } from '../../object-headers/content-md5.ts';
import { verifyDocumentChecksum } from '../../object-headers/document-checksum.ts';
import { emptyResponse } from '../../s3-response.ts';
import { bucketOf, type Handler } from '../handler-context.ts';

export const putBucketCors: Handler = async (ctx) => {
  const { req, deps } = ctx;
  const body = ctx.xml ?? Buffer.alloc(0);
  if (!req.headers.has('content-md5') && declaredChecksum(req.headers) === undefined) {
    throw invalidRequest('Missing required header for this request: Content-MD5');
  }
  checkContentMd5(parseContentMd5(req.headers.get('content-md5')), createHash('md5').update(body).digest());
  verifyDocumentChecksum(req.headers, body, ctx.payload.trailers());

  const rules = validateCorsRules(parseCorsConfiguration(body));
  await deps.metadata.putBucketConfig(bucketOf(ctx).name, 'cors', { rules });
  return emptyResponse(200);
};
