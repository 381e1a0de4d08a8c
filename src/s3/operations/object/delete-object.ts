/**
 * DeleteObject — DELETE /{bucket}/{key}: 204 whether or not the key existed
 * (../shared/spec/s3-core.md §5.1). The object's blobs are removed after the row is gone.
 */
import { emptyResponse } from '../../s3-response.ts';
import { bucketOf, keyOf, type Handler } from '../handler-context.ts';

export const deleteObject: Handler = async (ctx) => {
  const versionId = ctx.req.query.get('versionId');
  const { removed, blobs } = await ctx.deps.metadata.deleteObject(bucketOf(ctx).name, keyOf(ctx), versionId);
  await ctx.deps.blobs.delete(blobs);
  const headers: Record<string, string> = {};
  if (removed !== undefined && versionId !== undefined) {
    headers['x-amz-version-id'] = removed.versionId;
    if (removed.kind === 'delete-marker') headers['x-amz-delete-marker'] = 'true';
  }
  return emptyResponse(204, headers);
};
