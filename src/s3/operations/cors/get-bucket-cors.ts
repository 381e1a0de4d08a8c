/**
 * GetBucketCors — GET /{bucket}?cors (../shared/spec/s3-core.md §10.1): the rules as stored, or
 * 404 NoSuchCORSConfiguration naming the bucket.
 */
import { corsConfigurationDocument } from '../../cors/cors-configuration-document.ts';
import { S3Error } from '../../errors/s3-error.ts';
import { xmlResponse } from '../../s3-response.ts';
import { bucketOf, type Handler } from '../handler-context.ts';

export const getBucketCors: Handler = async (ctx) => {
  const bucket = bucketOf(ctx).name;
  const config = await ctx.deps.metadata.getBucketConfig(bucket, 'cors');
  if (config === undefined) throw new S3Error('NoSuchCORSConfiguration', { fields: [['BucketName', bucket]] });
  return xmlResponse(corsConfigurationDocument(config.rules));
};
