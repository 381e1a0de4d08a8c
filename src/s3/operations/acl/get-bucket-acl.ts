/**
 * GetBucketAcl — GET /{bucket}?acl: the bucket's ACL as an AccessControlPolicy
 * (../shared/spec/policy-evaluation.md §8.2). With ACLs disabled it still answers: the owner's
 * FULL_CONTROL (§8.3).
 */
import { accessControlPolicyXml } from '../../../authz/acl/access-control-policy-xml.ts';
import { bucketAclOf } from '../../../authz/acl/resource-acl.ts';
import { xmlResponse } from '../../s3-response.ts';
import { bucketOf, type Handler } from '../handler-context.ts';
import { bucketAclSettings } from './bucket-acl-settings.ts';

export const getBucketAcl: Handler = async (ctx) => {
  const bucket = bucketOf(ctx);
  const { ownership } = await bucketAclSettings(ctx.deps.metadata, bucket.name);
  const stored = await ctx.deps.metadata.getBucketConfig(bucket.name, 'acl');
  return xmlResponse(accessControlPolicyXml(bucketAclOf({ bucket, stored, ownership })));
};
