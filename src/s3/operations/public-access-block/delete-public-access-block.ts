/** DeletePublicAccessBlock (bucket level) — DELETE /{bucket}?publicAccessBlock → 204; all flags off. */
import { emptyResponse } from '../../s3-response.ts';
import { bucketOf, type Handler } from '../handler-context.ts';

export const deletePublicAccessBlock: Handler = async (ctx) => {
  await ctx.deps.metadata.deleteBucketConfig(bucketOf(ctx).name, 'public-access-block');
  return emptyResponse(204);
};
