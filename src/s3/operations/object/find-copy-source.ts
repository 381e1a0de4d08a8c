/**
 * The object a CopyObject / UploadPartCopy reads (../shared/spec/s3-core.md §5.3): source bucket
 * missing → NoSuchBucket, key missing or deleted → NoSuchKey, a delete marker named by version →
 * InvalidRequest, then the copy-source preconditions.
 */
import type { ObjectVersion } from '../../../storage/types.ts';
import { S3Error, invalidRequest, noSuchBucket, noSuchKey } from '../../errors/s3-error.ts';
import { checkCopySourceConditions, parseCopySource, type CopySource } from '../../object-headers/copy-source.ts';
import type { HandlerContext } from '../handler-context.ts';

export async function findCopySource(ctx: HandlerContext): Promise<{ source: CopySource; object: ObjectVersion }> {
  const source = parseCopySource(ctx.req.headers.get('x-amz-copy-source') ?? '');
  const bucket = await ctx.deps.metadata.getBucket(source.bucket);
  if (bucket === undefined) throw noSuchBucket(source.bucket);
  const found = await ctx.deps.metadata.getObject(source.bucket, source.key, source.versionId);
  if (found === undefined) {
    if (source.versionId === undefined) throw noSuchKey(source.key);
    throw new S3Error('NoSuchVersion', { fields: [['Key', source.key], ['VersionId', source.versionId]] });
  }
  if (found.kind === 'delete-marker') {
    if (source.versionId !== undefined) {
      throw invalidRequest('The source of a copy request may not specifically refer to a delete marker by version id.');
    }
    throw noSuchKey(source.key);
  }
  checkCopySourceConditions(ctx.req.headers, found, ctx.deps.clock.now());
  return { source, object: found };
}
