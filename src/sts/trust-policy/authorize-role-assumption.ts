/**
 * May this caller assume this role (sts-iam.md §2.2, "Authorization of AssumeRole"; §2.4)? One
 * policy-engine decision per action asked for — sts:AssumeRole or sts:AssumeRoleWithWebIdentity,
 * plus sts:TagSession with session tags and sts:SetSourceIdentity with a source identity — with
 * the role's trust policy as the resource policy and, for a signed caller, its own identity
 * policies, permissions boundary and session policies as the identity side. The engine applies
 * AWS's rules (src/authz/policy/evaluate-access.ts): an explicit Deny anywhere wins; the trust
 * policy must allow; within the role's account a trust policy naming the caller suffices, one
 * naming the caller's role is limited by its session policies, one naming the account delegates
 * to the caller's identity policies; across accounts both sides must allow.
 *
 * A web identity (AssumeRoleWithWebIdentity) has no identity side: the trust policy alone
 * decides, on its `Federated` principal and on the token's claims, which the caller puts in the
 * context as `<issuer>:sub`, `<issuer>:aud`, `<issuer>:amr`.
 *
 * Any failure is the one error `deny(action)` makes: a missing role looks the same.
 */
import { isAccessAllowed, RequestContext, type WebIdentityPrincipal } from '../../authz/policy/index.ts';
import type { QueryApiError } from '../../query-api/query-error.ts';
import type { Caller } from '../request-facts.ts';
import type { CallerPolicySet, StsDeps } from '../sts-deps.ts';
import type { StsRole } from '../sts-directory.ts';
import { roleTrustPolicy } from './role-trust-policy.ts';

/** A signed caller (AssumeRole), or a web identity vouched for by an OIDC provider. */
export type RoleCaller = Caller | { principal: WebIdentityPrincipal };

const NO_IDENTITY_SIDE: CallerPolicySet = { identityPolicies: [] };

export async function authorizeRoleAssumption(
  deps: Pick<StsDeps, 'callerPolicies'>,
  input: {
    role: StsRole;
    caller: RoleCaller;
    actions: readonly string[];
    /** Condition keys, lower-cased (request-facts.ts). */
    context: ReadonlyMap<string, string | readonly string[]>;
    deny: (action: string) => QueryApiError;
  },
): Promise<void> {
  const { role, caller } = input;
  const trust = roleTrustPolicy(role);
  if (trust === undefined) throw input.deny(input.actions[0] ?? 'sts:AssumeRole');
  const principal = caller.principal;
  const identitySide =
    principal.type === 'WebIdentityUser' ? NO_IDENTITY_SIDE : await deps.callerPolicies.load({ principal, session: 'session' in caller ? caller.session : undefined });
  const context = RequestContext.from(input.context);
  for (const action of input.actions) {
    const allowed = isAccessAllowed({
      principal,
      action,
      resource: role.arn,
      resourceOwner: role.accountId,
      context,
      resourcePolicy: trust,
      ...identitySide,
    });
    if (!allowed) throw input.deny(action);
  }
}
