/**
 * GetBucketLocation — GET /{bucket}?location: the LocationConstraint as created; us-east-1
 * buckets answer with the empty element (../shared/spec/s3-core.md §2.3).
 */
import { xmlEscape } from '../../../lib/xml-escape.ts';
import { xmlResponse } from '../../s3-response.ts';
import { S3_XMLNS, XML_DECLARATION } from '../../xml/xml-writer.ts';
import { bucketOf, type Handler } from '../handler-context.ts';

export const getBucketLocation: Handler = async (ctx) => {
  const constraint = bucketOf(ctx).locationConstraint;
  const xml =
    constraint === ''
      ? `${XML_DECLARATION}<LocationConstraint xmlns="${S3_XMLNS}"/>`
      : `${XML_DECLARATION}<LocationConstraint xmlns="${S3_XMLNS}">${xmlEscape(constraint)}</LocationConstraint>`;
  return xmlResponse(xml);
};
