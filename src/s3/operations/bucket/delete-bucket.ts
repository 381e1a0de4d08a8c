/** DeleteBucket — DELETE /{bucket}: 204, or BucketNotEmpty while any object remains. */
import { emptyResponse } from '../../s3-response.ts';
import { bucketOf, type Handler } from '../handler-context.ts';

export const deleteBucket: Handler = async (ctx) => {
  const bucket = bucketOf(ctx);
  const orphaned = await ctx.deps.metadata.deleteBucket(bucket.name);
  await ctx.deps.blobs.delete(orphaned);
  return emptyResponse(204);
};
