/**
 * Which ACL permission lets a grantee perform an IAM action (../shared/spec/policy-evaluation.md
 * §8.1, AWS acl-overview "Mapping of ACL permissions and access policy permissions"). `acl` says
 * whose ACL is consulted: a bucket's WRITE covers writing and deleting the objects in it, so
 * s3:PutObject is answered by the *bucket* ACL; reading an object by the *object* ACL. ACLs grant
 * nothing else (tagging, policies, lifecycle, …): every other action has no permission.
 */
import type { AclPermission } from './acl.ts';

export interface AclActionRule {
  action: string;
  acl: 'bucket' | 'object';
  permission: AclPermission;
  /** s3:DeleteObjectVersion through bucket WRITE is granted only when the grantee owns the bucket. */
  onlyForBucketOwner?: true;
}

export const ACL_ACTION_RULES: readonly AclActionRule[] = [
  { action: 's3:ListBucket', acl: 'bucket', permission: 'READ' },
  { action: 's3:ListBucketVersions', acl: 'bucket', permission: 'READ' },
  { action: 's3:ListBucketMultipartUploads', acl: 'bucket', permission: 'READ' },
  { action: 's3:PutObject', acl: 'bucket', permission: 'WRITE' },
  { action: 's3:DeleteObject', acl: 'bucket', permission: 'WRITE' },
  { action: 's3:DeleteObjectVersion', acl: 'bucket', permission: 'WRITE', onlyForBucketOwner: true },
  { action: 's3:GetBucketAcl', acl: 'bucket', permission: 'READ_ACP' },
  { action: 's3:PutBucketAcl', acl: 'bucket', permission: 'WRITE_ACP' },
  { action: 's3:GetObject', acl: 'object', permission: 'READ' },
  { action: 's3:GetObjectVersion', acl: 'object', permission: 'READ' },
  { action: 's3:GetObjectAcl', acl: 'object', permission: 'READ_ACP' },
  { action: 's3:GetObjectVersionAcl', acl: 'object', permission: 'READ_ACP' },
  { action: 's3:PutObjectAcl', acl: 'object', permission: 'WRITE_ACP' },
  { action: 's3:PutObjectVersionAcl', acl: 'object', permission: 'WRITE_ACP' },
];

/** The rule for an action on the given ACL, or undefined when that ACL cannot grant it. */
export function aclActionRule(action: string, acl: 'bucket' | 'object'): AclActionRule | undefined {
  // IAM action names are case-insensitive (policy-evaluation.md §2.2).
  const wanted = action.toLowerCase();
  return ACL_ACTION_RULES.find((r) => r.acl === acl && r.action.toLowerCase() === wanted);
}

export function permissionForAction(action: string, acl: 'bucket' | 'object'): AclPermission | undefined {
  return aclActionRule(action, acl)?.permission;
}
