/**
 * The ACL model (../shared/spec/policy-evaluation.md §8.1): an owner and at most 100 grants, each
 * giving one permission to a canonical user, an e-mail address (resolved before it is stored) or
 * a predefined group. The persisted shapes live in storage/types.ts (storage may not import
 * authz); this file names them for the rest of the code and adds the constants.
 */
import type { AclGrant, AclGrantee, AclPermission, StoredAcl } from '../../storage/types.ts';

export type { AclGrant, AclGrantee, AclPermission, StoredAcl };

/** The Owner element of an AccessControlPolicy: the resource owner's canonical id. */
export interface AclOwner {
  id: string;
  displayName?: string;
}

/** An ACL with its owner, as GetBucketAcl/GetObjectAcl show it and the evaluator reads it. */
export interface Acl {
  owner: AclOwner;
  grants: AclGrant[];
}

export const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
export const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';
export const LOG_DELIVERY = 'http://acs.amazonaws.com/groups/s3/LogDelivery';

/** The groups S3 knows; a grant to any other URI is refused. */
export const GROUP_URIS: readonly string[] = [ALL_USERS, AUTHENTICATED_USERS, LOG_DELIVERY];

export const PERMISSIONS: readonly AclPermission[] = ['FULL_CONTROL', 'READ', 'WRITE', 'READ_ACP', 'WRITE_ACP'];

/** "An ACL can have up to 100 grants" (AWS acl-overview). */
export const MAX_GRANTS = 100;

export function isPermission(value: string): value is AclPermission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

/** A canonical user id as S3 issues them: 64 hex digits. */
export function isCanonicalId(value: string): boolean {
  return /^[0-9a-fA-F]{64}$/.test(value);
}

/** FULL_CONTROL for one canonical user: the grant every default ACL starts with. */
export function fullControl(owner: AclOwner): AclGrant {
  return { grantee: canonicalUser(owner), permission: 'FULL_CONTROL' };
}

export function canonicalUser(owner: AclOwner): AclGrantee {
  return owner.displayName === undefined
    ? { type: 'CanonicalUser', id: owner.id }
    : { type: 'CanonicalUser', id: owner.id, displayName: owner.displayName };
}

/** The AclOwner of a stored Owner record. */
export function aclOwnerOf(owner: { canonicalId: string; displayName: string }): AclOwner {
  return { id: owner.canonicalId, displayName: owner.displayName };
}
