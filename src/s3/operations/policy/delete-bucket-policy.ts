/** DeleteBucketPolicy — DELETE /{bucket}?policy: 204, whether or not the bucket had a policy. */
import { emptyResponse } from '../../s3-response.ts';
import { bucketOf, type Handler } from '../handler-context.ts';

export const deleteBucketPolicy: Handler = async (ctx) => {
  await ctx.deps.metadata.deleteBucketConfig(bucketOf(ctx).name, 'policy');
  return emptyResponse(204);
};
