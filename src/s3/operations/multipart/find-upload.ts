import type { MultipartUpload } from '../../../storage/types.ts';
import { noSuchUpload } from '../../errors/s3-error.ts';
import { bucketOf, keyOf, type HandlerContext } from '../handler-context.ts';

/** The upload named by `?uploadId=` for this bucket and key, or NoSuchUpload. */
export async function findUpload(ctx: HandlerContext): Promise<MultipartUpload> {
  const uploadId = ctx.req.query.get('uploadId') ?? '';
  const upload = await ctx.deps.metadata.getMultipartUpload(bucketOf(ctx).name, keyOf(ctx), uploadId);
  if (upload === undefined) throw noSuchUpload(uploadId);
  return upload;
}
