/**
 * The ACL in force on a bucket or an object, with its Owner — what GetBucketAcl/GetObjectAcl
 * answer and what the authorizer evaluates. Under BucketOwnerEnforced the bucket owner owns every
 * object and the only ACL is the owner's FULL_CONTROL: "Requests to read ACLs are still supported"
 * and show exactly that (AWS about-object-ownership), whatever was stored while ACLs were on.
 * Without a stored ACL (objects written before ACLs were kept) a resource is private.
 */
import type { Owner } from '../../storage/types.ts';
import { aclOwnerOf, fullControl, type Acl, type StoredAcl } from './acl.ts';
import { aclsEnabled, type ObjectOwnership } from './object-ownership.ts';

export function bucketAclOf(input: { bucket: { owner: Owner }; stored: StoredAcl | undefined; ownership: ObjectOwnership }): Acl {
  const owner = aclOwnerOf(input.bucket.owner);
  if (!aclsEnabled(input.ownership) || input.stored === undefined) return { owner, grants: [fullControl(owner)] };
  return { owner, grants: input.stored.grants };
}

/** Who owns an object now: the bucket owner when ownership is enforced, else its writer. */
export function effectiveObjectOwner(input: { object: { owner: Owner }; bucket: { owner: Owner }; ownership: ObjectOwnership }): Owner {
  return aclsEnabled(input.ownership) ? input.object.owner : input.bucket.owner;
}

export function objectAclOf(input: {
  object: { owner: Owner; acl?: StoredAcl | undefined };
  bucket: { owner: Owner };
  ownership: ObjectOwnership;
}): Acl {
  const owner = aclOwnerOf(effectiveObjectOwner(input));
  if (!aclsEnabled(input.ownership) || input.object.acl === undefined) return { owner, grants: [fullControl(owner)] };
  return { owner, grants: input.object.acl.grants };
}
