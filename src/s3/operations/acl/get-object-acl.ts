/**
 * GetObjectAcl — GET /{bucket}/{key}?acl[&versionId=]: the object's ACL as an
 * AccessControlPolicy. With ACLs disabled: the bucket owner, who then owns every object, with
 * FULL_CONTROL (../shared/spec/policy-evaluation.md §8.3).
 */
import { accessControlPolicyXml } from '../../../authz/acl/access-control-policy-xml.ts';
import { objectAclOf } from '../../../authz/acl/resource-acl.ts';
import { xmlResponse } from '../../s3-response.ts';
import { bucketOf, type Handler } from '../handler-context.ts';
import { findObject } from '../object/find-object.ts';
import { bucketAclSettings } from './bucket-acl-settings.ts';

export const getObjectAcl: Handler = async (ctx) => {
  const bucket = bucketOf(ctx);
  const object = await findObject(ctx);
  const { ownership } = await bucketAclSettings(ctx.deps.metadata, bucket.name);
  const headers: Record<string, string> = object.versionId === 'null' ? {} : { 'x-amz-version-id': object.versionId };
  return xmlResponse(accessControlPolicyXml(objectAclOf({ object, bucket, ownership })), 200, headers);
};
