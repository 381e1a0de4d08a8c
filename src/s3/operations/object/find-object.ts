/**
 * The object version a read addresses: the latest, or `?versionId=`. A delete marker or a missing
 * key is NoSuchKey (with `x-amz-delete-marker` for markers); an unknown version NoSuchVersion.
 */
import type { ObjectVersion } from '../../../storage/types.ts';
import { S3Error, invalidArgument, noSuchKey } from '../../errors/s3-error.ts';
import { bucketOf, keyOf, type HandlerContext } from '../handler-context.ts';

export async function findObject(ctx: HandlerContext): Promise<ObjectVersion> {
  const bucket = bucketOf(ctx).name;
  const key = keyOf(ctx);
  const versionId = ctx.req.query.get('versionId');
  if (versionId === '') throw invalidArgument('Version id cannot be the empty string', 'versionId', '');
  const found = await ctx.deps.metadata.getObject(bucket, key, versionId);
  if (found === undefined) {
    if (versionId === undefined) throw noSuchKey(key);
    if (!isVersionIdShape(versionId)) throw invalidArgument('Invalid version id specified', 'versionId', versionId);
    throw new S3Error('NoSuchVersion', {
      fields: [
        ['Key', key],
        ['VersionId', versionId],
      ],
    });
  }
  if (found.kind === 'delete-marker') {
    if (versionId !== undefined) {
      throw new S3Error('MethodNotAllowed', {
        fields: [
          ['Method', ctx.req.method],
          ['ResourceType', 'DeleteMarker'],
        ],
        headers: { 'x-amz-delete-marker': 'true', 'x-amz-version-id': found.versionId },
      });
    }
    throw new S3Error('NoSuchKey', { fields: [['Key', key]], headers: { 'x-amz-delete-marker': 'true' } });
  }
  return found;
}

/** `null`, or the shape of the version ids Coffer and AWS issue. */
function isVersionIdShape(id: string): boolean {
  return id === 'null' || /^[A-Za-z0-9._-]{16,64}$/.test(id);
}
