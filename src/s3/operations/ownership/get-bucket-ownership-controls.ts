/**
 * GetBucketOwnershipControls — GET /{bucket}?ownershipControls. No configuration (deleted) → 404
 * OwnershipControlsNotFoundError `The bucket ownership controls were not found`.
 */
import { S3Error } from '../../errors/s3-error.ts';
import { xmlResponse } from '../../s3-response.ts';
import { bucketOf, type Handler } from '../handler-context.ts';
import { ownershipControlsXml } from './ownership-controls-document.ts';

export const getBucketOwnershipControls: Handler = async (ctx) => {
  const bucket = bucketOf(ctx);
  const config = await ctx.deps.metadata.getBucketConfig(bucket.name, 'ownership');
  if (config === undefined) throw new S3Error('OwnershipControlsNotFoundError', { fields: [['BucketName', bucket.name]] });
  return xmlResponse(ownershipControlsXml(config.objectOwnership));
};
