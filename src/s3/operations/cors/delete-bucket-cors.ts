/**
 * DeleteBucketCors — DELETE /{bucket}?cors (../shared/spec/s3-core.md §10.1): 204, whether or not
 * the bucket had a CORS configuration.
 */
import { emptyResponse } from '../../s3-response.ts';
import { bucketOf, type Handler } from '../handler-context.ts';

export const deleteBucketCors: Handler = async (ctx) => {
  await ctx.deps.metadata.deleteBucketConfig(bucketOf(ctx).name, 'cors');
  return emptyResponse(204);
};
