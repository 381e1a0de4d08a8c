/**
 * The rules for *setting* an ACL on an object, or replacing a bucket's or object's ACL
 * (PutObject, CopyObject, CreateMultipartUpload, POST Object, PutBucketAcl, PutObjectAcl):
 *
 * 1. ACLs disabled (BucketOwnerEnforced): only `bucket-owner-full-control`, or grants that give
 *    FULL_CONTROL to the bucket owner and nothing else, are accepted; anything else is 400
 *    AccessControlListNotSupported `The bucket does not allow ACLs` (policy-evaluation.md §8.3).
 *    `private` is refused too: it is not in AWS's list, and clients that send it by default
 *    (rclone) get this error from AWS.
 * 2. BlockPublicAcls and the ACL would be public → 403 AccessDenied (§8.4).
 *
 * Ownership is checked first: on a new bucket (both on) `--acl public-read` is
 * AccessControlListNotSupported, the error users of AWS report.
 */
import type { PublicAccessBlock } from '../../storage/types.ts';
import { S3Error } from '../../s3/errors/s3-error.ts';
import type { AclGrant } from './acl.ts';
import type { CannedAcl } from './canned-acl.ts';
import { isOwnerFullControlOnly } from './is-owner-full-control-only.ts';
import { isPublicAcl } from './is-public-acl.ts';
import { aclsEnabled, type ObjectOwnership } from './object-ownership.ts';

/** How the request spelled the ACL: a canned name, or grants (headers or XML, e-mails resolved). */
export type RequestedAclForm = { kind: 'canned'; canned: CannedAcl } | { kind: 'grants'; grants: readonly AclGrant[] };

export function checkAclSetting(input: {
  requested: RequestedAclForm;
  /** The grants the ACL will hold (a canned ACL expanded). */
  grants: readonly AclGrant[];
  ownership: ObjectOwnership;
  publicAccessBlock: PublicAccessBlock;
  bucketOwnerCanonicalId: string;
}): void {
  const { requested } = input;
  if (!aclsEnabled(input.ownership)) {
    const accepted =
      requested.kind === 'canned'
        ? requested.canned === 'bucket-owner-full-control'
        : isOwnerFullControlOnly(requested.grants, input.bucketOwnerCanonicalId);
    if (!accepted) {
      throw new S3Error('AccessControlListNotSupported', {
        reason: 'the bucket enforces bucket-owner ownership (ACLs disabled); only bucket-owner-full-control may be set',
      });
    }
  }
  if (input.publicAccessBlock.blockPublicAcls && isPublicAcl(input)) {
    throw new S3Error('AccessDenied', { reason: 'Block Public Access (BlockPublicAcls) refuses an ACL that grants to AllUsers or AuthenticatedUsers' });
  }
}
