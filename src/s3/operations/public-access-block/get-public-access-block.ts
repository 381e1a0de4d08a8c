/**
 * GetPublicAccessBlock (bucket level) — GET /{bucket}?publicAccessBlock. No configuration → 404
 * NoSuchPublicAccessBlockConfiguration `The public access block configuration was not found`.
 */
import { S3Error } from '../../errors/s3-error.ts';
import { xmlResponse } from '../../s3-response.ts';
import { bucketOf, type Handler } from '../handler-context.ts';
import { publicAccessBlockXml } from './public-access-block-document.ts';

export const getPublicAccessBlock: Handler = async (ctx) => {
  const bucket = bucketOf(ctx);
  const config = await ctx.deps.metadata.getBucketConfig(bucket.name, 'public-access-block');
  if (config === undefined) throw new S3Error('NoSuchPublicAccessBlockConfiguration', { fields: [['BucketName', bucket.name]] });
  return xmlResponse(publicAccessBlockXml(config));
};
