/**
 * PutBucketAcl — PUT /{bucket}?acl: replace the bucket's ACL with a canned ACL, grant headers or
 * an AccessControlPolicy body (requestedAcl), under the setting rules of checkAclSetting: with
 * ACLs disabled only the owner's FULL_CONTROL (AccessControlListNotSupported otherwise), and no
 * public grants while BlockPublicAcls is on (403).
 */
import { aclOwnerOf, fullControl } from '../../../authz/acl/acl.ts';
import { checkAclSetting } from '../../../authz/acl/check-acl-setting.ts';
import { aclsEnabled } from '../../../authz/acl/object-ownership.ts';
import { emptyResponse } from '../../s3-response.ts';
import { bucketOf, type Handler } from '../handler-context.ts';
import { bucketAclSettings } from './bucket-acl-settings.ts';
import { requestedAcl } from './requested-acl.ts';

export const putBucketAcl: Handler = async (ctx) => {
  const bucket = bucketOf(ctx);
  const owner = aclOwnerOf(bucket.owner);
  const settings = await bucketAclSettings(ctx.deps.metadata, bucket.name);
  const { requested, grants } = await requestedAcl(ctx, { kind: 'bucket', owner, bucketOwner: owner });
  checkAclSetting({
    requested,
    grants,
    ownership: settings.ownership,
    publicAccessBlock: settings.publicAccessBlock,
    bucketOwnerCanonicalId: owner.id,
  });
  await ctx.deps.metadata.putBucketConfig(bucket.name, 'acl', { grants: aclsEnabled(settings.ownership) ? grants : [fullControl(owner)] });
  return emptyResponse(200);
};
