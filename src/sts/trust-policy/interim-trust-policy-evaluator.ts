/**
 * INTERIM trust-policy evaluator, to be replaced by the policy engine (src/authz/policy/). The
 * engine evaluates trust policies for AWS principals (evaluateAccess with a `trust` resource
 * policy), but not yet what STS needs besides: its trust dialect rejects the condition keys of
 * OIDC providers (`token.example.com/path:sub` fails its `vendor:key` check), and its principal
 * matcher never matches `Federated` principals — so web identities could not assume any role.
 * Until it does, this evaluator answers for both (sts-iam.md §2.2, policy-evaluation.md §2): an
 * explicit Deny wins; otherwise an Allow naming the caller (or, failing that, its account)
 * allows. A document that is not a JSON policy allows nothing. Not implemented: policy variables
 * in condition values. The caller's own policies (delegation) do go through the engine
 * (caller-policy-check.ts).
 */
import { parseStatements, statementApplies } from './interim-statements.ts';
import type { PrincipalMatch } from './principal-matches.ts';
import type { TrustDecision, TrustPolicyEvaluator } from './trust-caller.ts';

export class InterimTrustPolicyEvaluator implements TrustPolicyEvaluator {
  evaluate(input: Parameters<TrustPolicyEvaluator['evaluate']>[0]): TrustDecision {
    let allowed: PrincipalMatch;
    for (const s of parseStatements(input.document)) {
      const match = statementApplies(s, { action: input.action, caller: input.caller, context: input.context });
      if (match === undefined) continue;
      if (s.Effect === 'Deny') return { effect: 'explicit-deny' };
      if (s.Effect === 'Allow' && allowed !== 'principal') allowed = match;
    }
    return allowed === undefined ? { effect: 'implicit-deny' } : { effect: 'allow', via: allowed };
  }
}
