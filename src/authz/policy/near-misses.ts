/**
 * For an implicit denial, the Allow statements that came closest: principal, action and
 * resource matched but a condition failed (reported with the first failing condition), and
 * statements whose Resource could not match because a policy variable it names is missing
 * from the request (§4: e.g. `${aws:username}` for a role session). Explanation path only.
 */
import type { ConditionFailure, PolicyKind } from './access-decision.ts';
import type { AccessEvaluation } from './access-evaluation.ts';
import type { CompiledPolicy } from './compiled-policy.ts';
import { describeCondition } from './conditions/describe-condition.ts';
import { matchSet, principalRank, type StatementRequest } from './match-statement.ts';
import { NO_MATCH } from './match-principal.ts';
import { statementLabel, statementRef } from './statement-ref.ts';

export interface NearMisses {
  readonly failures: ConditionFailure[];
  readonly notes: string[];
}

export function findNearMisses(input: AccessEvaluation, r: StatementRequest): NearMisses {
  const out: NearMisses = { failures: [], notes: [] };
  const iamCaller = input.principal.type === 'User' || input.principal.type === 'AssumedRole';
  const policies: Array<[PolicyKind, string, CompiledPolicy]> = [];
  if (iamCaller) {
    for (const n of input.identityPolicies ?? []) policies.push(['identity', n.name, n.policy]);
    if (input.permissionsBoundary !== undefined) policies.push(['permissions-boundary', input.permissionsBoundary.name, input.permissionsBoundary.policy]);
    for (const n of input.sessionPolicies ?? []) policies.push(['session', n.name, n.policy]);
  }
  const rp = input.resourcePolicy;
  if (rp !== undefined) policies.push([rp.kind, rp.name, rp.policy]);
  for (const [kind, name, policy] of policies) {
    policy.statements.forEach((s, index) => {
      if (s.isDeny || !matchSet(s.actions, r.actionLower, undefined) || principalRank(s, r) === NO_MATCH) return;
      const ref = () => statementRef(kind, name, policy, index, r.context);
      if (s.resources !== undefined && !matchSet(s.resources, r.resource, r.context)) {
        const missing = s.resources.patterns.flatMap((p) => p.variables).find((v) => r.context.variable(v) === undefined);
        if (missing !== undefined) {
          out.notes.push(`${statementLabel(ref())} names \${${missing.key}} in its Resource, which this request does not have`);
        }
        return;
      }
      const failed = s.conditions.find((c) => !describeCondition(c, r.context).held);
      if (failed === undefined) return;
      const statement = ref();
      out.failures.push({ statement, condition: statement.conditions[s.conditions.indexOf(failed)]! });
    });
  }
  return out;
}
