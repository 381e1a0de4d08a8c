/**
 * PutObjectAcl — PUT /{bucket}/{key}?acl[&versionId=]: replace an object's ACL (requestedAcl,
 * checkAclSetting). The object's data, metadata, owner and Last-Modified stay as they are: the
 * store updates the ACL of that one version in place.
 */
import { aclOwnerOf, fullControl } from '../../../authz/acl/acl.ts';
import { checkAclSetting } from '../../../authz/acl/check-acl-setting.ts';
import { aclsEnabled } from '../../../authz/acl/object-ownership.ts';
import { effectiveObjectOwner } from '../../../authz/acl/resource-acl.ts';
import { noSuchKey } from '../../errors/s3-error.ts';
import { emptyResponse } from '../../s3-response.ts';
import { bucketOf, type Handler } from '../handler-context.ts';
import { findObject } from '../object/find-object.ts';
import { bucketAclSettings } from './bucket-acl-settings.ts';
import { requestedAcl } from './requested-acl.ts';

export const putObjectAcl: Handler = async (ctx) => {
  const bucket = bucketOf(ctx);
  const bucketOwner = aclOwnerOf(bucket.owner);
  const settings = await bucketAclSettings(ctx.deps.metadata, bucket.name);
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
  // Only the ACL column changes: a write racing this one keeps its bytes and metadata.
  if (!(await ctx.deps.metadata.putObjectAcl(bucket.name, object.key, object.versionId, acl))) throw noSuchKey(object.key);
  const headers: Record<string, string> = object.versionId === 'null' ? {} : { 'x-amz-version-id': object.versionId };
  return emptyResponse(200, headers);
};
