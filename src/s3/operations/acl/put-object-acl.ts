/**
 * PutObjectAcl — PUT /{bucket}/{key}?acl[&versionId=]: replace an object's ACL (requestedAcl,
 * checkAclSetting). The object's data, metadata, owner and Last-Modified stay as they are.
 *
 * The metadata store has no "update one field" method, so the version is written back whole,
 * on condition that the key still holds the same ETag; if another write got in between, the
 * object is read again and the change re-applied (twice at most, then 409 OperationAborted).
 */
import { aclOwnerOf, fullControl } from '../../../authz/acl/acl.ts';
import { checkAclSetting } from '../../../authz/acl/check-acl-setting.ts';
import { aclsEnabled } from '../../../authz/acl/object-ownership.ts';
import { effectiveObjectOwner } from '../../../authz/acl/resource-acl.ts';
import { WriteConditionFailedError } from '../../../storage/errors.ts';
import { S3Error } from '../../errors/s3-error.ts';
import { emptyResponse } from '../../s3-response.ts';
import { bucketOf, type Handler } from '../handler-context.ts';
import { findObject } from '../object/find-object.ts';
import { bucketAclSettings } from './bucket-acl-settings.ts';
import { requestedAcl } from './requested-acl.ts';

const ATTEMPTS = 3;

export const putObjectAcl: Handler = async (ctx) => {
  const bucket = bucketOf(ctx);
  const bucketOwner = aclOwnerOf(bucket.owner);
  const settings = await bucketAclSettings(ctx.deps.metadata, bucket.name);
  for (let attempt = 1; ; attempt++) {
    const object = await findObject(ctx);
    const owner = aclOwnerOf(effectiveObjectOwner({ object, bucket, ownership: settings.ownership }));
    const { requested, grants } = await requestedAcl(ctx, { kind: 'object', owner, bucketOwner });
    checkAclSetting({
      requested,
      grants,
      ownership: settings.ownership,
      publicAccessBlock: settings.publicAccessBlock,
      bucketOwnerCanonicalId: bucketOwner.id,
    });
    const acl = { grants: aclsEnabled(settings.ownership) ? grants : [fullControl(bucketOwner)] };
    try {
      const retired = await ctx.deps.metadata.putObject({ ...object, acl }, { ifMatch: object.etag });
      await ctx.deps.blobs.delete(retired);
    } catch (e) {
      if (!(e instanceof WriteConditionFailedError && e.reason !== 'missing')) throw e;
      if (attempt < ATTEMPTS) continue;
      throw new S3Error('OperationAborted', { reason: 'the object kept changing while its ACL was being replaced' });
    }
    const headers: Record<string, string> = object.versionId === 'null' ? {} : { 'x-amz-version-id': object.versionId };
    return emptyResponse(200, headers);
  }
};
