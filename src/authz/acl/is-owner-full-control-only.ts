/**
 * "Bucket owner full control and nothing else": the only ACL a bucket that enforces ownership
 * accepts in grant form (AWS about-object-ownership: bucket-owner-full-control "or equivalent
 * forms of this ACL expressed in the XML format"). Repeating the same grant is still equivalent.
 */
import type { AclGrant } from './acl.ts';

export function isOwnerFullControlOnly(grants: readonly AclGrant[], ownerCanonicalId: string): boolean {
  const owner = ownerCanonicalId.toLowerCase();
  return (
    grants.length > 0 &&
    grants.every((g) => g.permission === 'FULL_CONTROL' && g.grantee.type === 'CanonicalUser' && g.grantee.id.toLowerCase() === owner)
  );
}
