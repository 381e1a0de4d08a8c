/**
 * The owner and ACL a write gives the resource it creates, from the request's `x-amz-acl` /
 * `x-amz-grant-*` headers (or a POST form's fields), and the refusals AWS answers before any byte
 * of the body is read. Called by CreateBucket (`kind: 'bucket'`) and by the object writes
 * PutObject, CopyObject, CreateMultipartUpload and POST Object (`kind: 'object'`).
 *
 * Object owner (../shared/spec/policy-evaluation.md §8.3): BucketOwnerEnforced → the bucket
 * owner; BucketOwnerPreferred → the bucket owner when the request says
 * `bucket-owner-full-control`, else the writer; ObjectWriter → the writer. No ACL in the request →
 * private (owner FULL_CONTROL).
 *
 * CreateBucket (s3-core.md §2.2): with BucketOwnerEnforced anything but a private ACL (`private`,
 * `bucket-owner-full-control`, which buckets ignore, or grants of FULL_CONTROL to the creator only)
 * → 400 InvalidBucketAclWithObjectOwnership. A new bucket's Block Public Access is all on, so a
 * public ACL then → 400 InvalidBucketAclWithBlockPublicAccessError `Bucket cannot have public ACLs
 * set with BlockPublicAccess enabled` (AWS since April 2023) rather than the 403 object writes get.
 */
import type { Owner, PublicAccessBlock, StoredAcl } from '../../storage/types.ts';
import { S3Error } from '../../s3/errors/s3-error.ts';
import { aclOwnerOf, fullControl, type AclGrant } from './acl.ts';
import { expandCannedAcl } from './canned-acl.ts';
import { checkAclSetting, type RequestedAclForm } from './check-acl-setting.ts';
import { isOwnerFullControlOnly } from './is-owner-full-control-only.ts';
import { isPublicAcl } from './is-public-acl.ts';
import { aclsEnabled, type ObjectOwnership } from './object-ownership.ts';
import type { HeaderSource } from './parse-grant-headers.ts';
import { readAclHeaders } from './read-acl-headers.ts';
import { resolveGrantees, type AccountDirectory } from './resolve-grantees.ts';

export interface RequestAclInput {
  headers: HeaderSource;
  /** `bucket`: CreateBucket; `object`: an object write. */
  kind: 'bucket' | 'object';
  /** The bucket's Object Ownership in force (for CreateBucket: the one it is created with). */
  ownership: ObjectOwnership;
  /** Block Public Access in force (bucket OR account; for CreateBucket: the new bucket's). */
  publicAccessBlock: PublicAccessBlock;
  /** The account writing; undefined for an anonymous request. */
  writer: Owner | undefined;
  bucketOwner: Owner;
  /** Resolves e-mail grantees and checks canonical ids; without it ids are taken as written. */
  accounts?: AccountDirectory | undefined;
}

export interface RequestAcl {
  /** Who owns the new object (for a bucket, its creator). */
  owner: Owner;
  acl: StoredAcl;
  /** Whether the request set an ACL at all (it then also needs s3:PutObjectAcl / s3:PutBucketAcl). */
  specified: boolean;
}

export async function resolveRequestAcl(input: RequestAclInput): Promise<RequestAcl> {
  const headers = readAclHeaders(input.headers);
  const requested: RequestedAclForm | undefined =
    headers.kind === 'canned'
      ? headers
      : headers.kind === 'grants'
        ? { kind: 'grants', grants: await resolveGrantees(headers.grants, input.accounts) }
        : undefined;
  return input.kind === 'bucket' ? bucketAcl(input, requested) : objectAcl(input, requested);
}

function bucketAcl(input: RequestAclInput, requested: RequestedAclForm | undefined): RequestAcl {
  const owner = input.bucketOwner;
  const grants = grantsOf(requested, { kind: 'bucket', owner, bucketOwner: owner });
  if (!aclsEnabled(input.ownership) && !isOwnerFullControlOnly(grants, owner.canonicalId)) {
    throw new S3Error('InvalidBucketAclWithObjectOwnership', { reason: 'CreateBucket with an ACL that grants to others, and BucketOwnerEnforced' });
  }
  if (input.publicAccessBlock.blockPublicAcls && isPublicAcl({ grants })) {
    throw new S3Error('InvalidBucketAclWithBlockPublicAccessError', { reason: 'CreateBucket with a public ACL while BlockPublicAcls is on' });
  }
  return { owner, acl: { grants }, specified: requested !== undefined };
}

function objectAcl(input: RequestAclInput, requested: RequestedAclForm | undefined): RequestAcl {
  const owner = objectOwner(input, requested);
  const grants = grantsOf(requested, { kind: 'object', owner, bucketOwner: input.bucketOwner });
  if (requested !== undefined) {
    checkAclSetting({
      requested,
      grants,
      ownership: input.ownership,
      publicAccessBlock: input.publicAccessBlock,
      bucketOwnerCanonicalId: input.bucketOwner.canonicalId,
    });
  }
  // With ACLs disabled whatever was accepted comes down to the bucket owner's FULL_CONTROL.
  const stored = aclsEnabled(input.ownership) ? grants : [fullControl(aclOwnerOf(owner))];
  return { owner, acl: { grants: stored }, specified: requested !== undefined };
}

function objectOwner(input: RequestAclInput, requested: RequestedAclForm | undefined): Owner {
  // An anonymous writer has no account to own the object; Coffer gives it to the bucket owner.
  const writer = input.writer ?? input.bucketOwner;
  switch (input.ownership) {
    case 'BucketOwnerEnforced':
      return input.bucketOwner;
    case 'BucketOwnerPreferred':
      return requested?.kind === 'canned' && requested.canned === 'bucket-owner-full-control' ? input.bucketOwner : writer;
    case 'ObjectWriter':
      return writer;
  }
}

function grantsOf(
  requested: RequestedAclForm | undefined,
  target: { kind: 'bucket' | 'object'; owner: Owner; bucketOwner: Owner },
): AclGrant[] {
  const owner = aclOwnerOf(target.owner);
  if (requested === undefined) return [fullControl(owner)];
  if (requested.kind === 'grants') return [...requested.grants];
  return expandCannedAcl(requested.canned, { kind: target.kind, owner, bucketOwner: aclOwnerOf(target.bucketOwner) });
}
