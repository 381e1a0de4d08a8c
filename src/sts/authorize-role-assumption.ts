/**
 * May this caller assume this role (sts-iam.md §2.2, "Authorization of AssumeRole")? The role's
 * trust policy must allow each action asked for (sts:AssumeRole or sts:AssumeRoleWithWebIdentity,
 * plus sts:TagSession with session tags and sts:SetSourceIdentity with a source identity), and no
 * statement may deny it. When the trust policy names only the caller's account — or the caller is
 * in another account — the caller's own identity policies must allow the action on the role too.
 * Any failure is the one error `deny(action)` makes: a missing role looks the same.
 */
import type { QueryApiError } from '../query-api/query-error.ts';
import type { Caller } from './request-facts.ts';
import type { StsDeps } from './sts-deps.ts';
import type { StsRole } from './sts-directory.ts';
import type { TrustCaller } from './trust-policy/trust-caller.ts';

export async function authorizeRoleAssumption(
  deps: Pick<StsDeps, 'trust' | 'callerPolicies'>,
  input: {
    role: StsRole;
    caller: TrustCaller;
    /** The signed caller, for the identity-policy check (AWS principals only). */
    signedCaller: Caller | undefined;
    actions: readonly string[];
    context: ReadonlyMap<string, string | readonly string[]>;
    deny: (action: string) => QueryApiError;
  },
): Promise<void> {
  const { role, caller, context } = input;
  for (const action of input.actions) {
    const decision = deps.trust.evaluate({ document: role.trustPolicy, action, caller, context });
    if (decision.effect !== 'allow') throw input.deny(action);
    const delegated = caller.kind === 'aws' && (decision.via === 'account' || caller.accountId !== role.accountId);
    if (delegated) {
      const signed = input.signedCaller;
      const allowed =
        signed !== undefined &&
        (await deps.callerPolicies.allows({ principal: signed.principal, session: signed.session, action, resource: role.arn, context }));
      if (!allowed) throw input.deny(action);
    }
  }
}
