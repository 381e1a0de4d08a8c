/**
 * Does an ACL grant this caller this permission? (../shared/spec/policy-evaluation.md §8.1, §7.2)
 *
 * - CanonicalUser: the caller's account has that canonical id. The grant is to the *account*: an
 *   IAM user or role session of it matches too, but AWS then also requires the account's own
 *   identity policies to allow (delegation) — the authorizer combines that, not this function.
 * - AmazonCustomerByEmail (only before resolution; stored ACLs never hold one): the account's e-mail.
 * - Group AllUsers: everyone, anonymous callers included.
 * - Group AuthenticatedUsers: any signed request, from any account.
 * - Group LogDelivery: the S3 log-delivery service, never a caller of Coffer's API.
 *
 * FULL_CONTROL implies every other permission. With `ignorePublicGrants` (Block Public Access
 * IgnorePublicAcls) the two public groups are skipped.
 */
import type { Principal } from '../../auth/principal.ts';
import { ALL_USERS, AUTHENTICATED_USERS, type AclGrant, type AclGrantee, type AclPermission } from './acl.ts';

export interface AclEvaluationOptions {
  /** IgnorePublicAcls: grants to AllUsers and AuthenticatedUsers count for nothing. */
  ignorePublicGrants?: boolean;
}

/** The first grant that gives `principal` the `permission`, for the decision trace; or undefined. */
export function findAclGrant(
  acl: { readonly grants: readonly AclGrant[] },
  principal: Principal,
  permission: AclPermission,
  options: AclEvaluationOptions = {},
): AclGrant | undefined {
  return acl.grants.find(
    (g) => (g.permission === permission || g.permission === 'FULL_CONTROL') && granteeMatches(g.grantee, principal, options),
  );
}

export function aclGrants(
  acl: { readonly grants: readonly AclGrant[] },
  principal: Principal,
  permission: AclPermission,
  options: AclEvaluationOptions = {},
): boolean {
  return findAclGrant(acl, principal, permission, options) !== undefined;
}

export function granteeMatches(grantee: AclGrantee, principal: Principal, options: AclEvaluationOptions = {}): boolean {
  switch (grantee.type) {
    case 'CanonicalUser':
      return principal.type !== 'Anonymous' && principal.account.canonicalId.toLowerCase() === grantee.id.toLowerCase();
    case 'AmazonCustomerByEmail':
      return principal.type !== 'Anonymous' && principal.account.email.toLowerCase() === grantee.emailAddress.toLowerCase();
    case 'Group':
      if (grantee.uri === ALL_USERS) return !options.ignorePublicGrants;
      if (grantee.uri === AUTHENTICATED_USERS) return !options.ignorePublicGrants && principal.type !== 'Anonymous';
      return false;
  }
}
