/**
 * Canned ACLs (`x-amz-acl`, ../shared/spec/policy-evaluation.md §8.2) expanded into grants. The
 * resource owner always gets FULL_CONTROL first; the two bucket-owner-* values only mean something
 * on objects ("If you specify this canned ACL when creating a bucket, Amazon S3 ignores it" —
 * AWS acl-overview), so on buckets they are `private`.
 */
import { S3Error } from '../../s3/errors/s3-error.ts';
import { ALL_USERS, AUTHENTICATED_USERS, LOG_DELIVERY, fullControl, type AclGrant, type AclOwner } from './acl.ts';

export const CANNED_ACLS = [
  'private',
  'public-read',
  'public-read-write',
  'aws-exec-read',
  'authenticated-read',
  'bucket-owner-read',
  'bucket-owner-full-control',
  'log-delivery-write',
] as const;

export type CannedAcl = (typeof CANNED_ACLS)[number];

/**
 * The account AWS grants READ to for `aws-exec-read` (EC2 reading AMI bundles); AWS shows it as
 * CanonicalUser `za-team`. Coffer has no such account, so the grant never matches anyone here.
 */
export const EC2_BUNDLE_READER = {
  id: '6aa5a366c34c1cbe25dc49211496e913e0351eb0e8c37aa3477e40942ec6b97c',
  displayName: 'za-team',
} as const;

export function isCannedAcl(value: string): value is CannedAcl {
  return (CANNED_ACLS as readonly string[]).includes(value);
}

/** The canned ACL named by an `x-amz-acl` value, or 400 InvalidArgument (spec: message not pinned). */
export function parseCannedAcl(value: string): CannedAcl {
  if (isCannedAcl(value)) return value;
  throw new S3Error('InvalidArgument', {
    fields: [
      ['ArgumentName', 'x-amz-acl'],
      ['ArgumentValue', value],
    ],
    reason: `unknown canned ACL ${JSON.stringify(value)}`,
  });
}

export interface CannedAclTarget {
  kind: 'bucket' | 'object';
  /** The owner of the resource the ACL is for (the object owner for objects). */
  owner: AclOwner;
  /** The bucket's owner; for a bucket, the same as `owner`. */
  bucketOwner: AclOwner;
}

export function expandCannedAcl(canned: CannedAcl, target: CannedAclTarget): AclGrant[] {
  const owner = fullControl(target.owner);
  switch (canned) {
    case 'private':
      return [owner];
    case 'public-read':
      return [owner, group(ALL_USERS, 'READ')];
    case 'public-read-write':
      return [owner, group(ALL_USERS, 'READ'), group(ALL_USERS, 'WRITE')];
    case 'aws-exec-read':
      return [owner, { grantee: { type: 'CanonicalUser', ...EC2_BUNDLE_READER }, permission: 'READ' }];
    case 'authenticated-read':
      return [owner, group(AUTHENTICATED_USERS, 'READ')];
    case 'bucket-owner-read':
    case 'bucket-owner-full-control': {
      // On a bucket, or when the writer owns the bucket, there is nobody else to grant to.
      if (target.kind === 'bucket' || target.bucketOwner.id === target.owner.id) return [owner];
      const permission = canned === 'bucket-owner-read' ? 'READ' : 'FULL_CONTROL';
      return [owner, { ...fullControl(target.bucketOwner), permission }];
    }
    case 'log-delivery-write':
      return [owner, group(LOG_DELIVERY, 'WRITE'), group(LOG_DELIVERY, 'READ_ACP')];
  }
}

function group(uri: string, permission: AclGrant['permission']): AclGrant {
  return { grantee: { type: 'Group', uri }, permission };
}
