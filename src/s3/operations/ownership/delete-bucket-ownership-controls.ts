/**
 * DeleteBucketOwnershipControls — DELETE /{bucket}?ownershipControls → 204. The bucket then
 * behaves as ObjectWriter (ACLs enabled), as on AWS.
 */
import { emptyResponse } from '../../s3-response.ts';
import { bucketOf, type Handler } from '../handler-context.ts';

export const deleteBucketOwnershipControls: Handler = async (ctx) => {
  await ctx.deps.metadata.deleteBucketConfig(bucketOf(ctx).name, 'ownership');
  return emptyResponse(204);
};
