/**
 * An ACL is public when it grants anything to AllUsers or AuthenticatedUsers — the grants Block
 * Public Access refuses to set (BlockPublicAcls) and ignores (IgnorePublicAcls)
 * (../shared/spec/policy-evaluation.md §8.4; AWS access-control-block-public-access "The meaning
 * of public").
 */
import { ALL_USERS, AUTHENTICATED_USERS, type AclGrant } from './acl.ts';

export function isPublicGrant(grant: AclGrant): boolean {
  return grant.grantee.type === 'Group' && (grant.grantee.uri === ALL_USERS || grant.grantee.uri === AUTHENTICATED_USERS);
}

export function isPublicAcl(acl: { readonly grants: readonly AclGrant[] }): boolean {
  return acl.grants.some(isPublicGrant);
}
