/** AbortMultipartUpload — DELETE /{bucket}/{key}?uploadId=ID: 204; the parts' blobs go with it. */
import { emptyResponse } from '../../s3-response.ts';
import { bucketOf, keyOf, type Handler } from '../handler-context.ts';

export const abortMultipartUpload: Handler = async (ctx) => {
  const blobs = await ctx.deps.metadata.abortMultipartUpload(bucketOf(ctx).name, keyOf(ctx), ctx.req.query.get('uploadId') ?? '');
  await ctx.deps.blobs.delete(blobs);
  return emptyResponse(204);
};
