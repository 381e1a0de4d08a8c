/**
 * `MissingContextValues`: the context keys the simulated policies would test for this action
 * and resource that no `ContextEntries` entry supplies — the keys of the conditions of every
 * statement (of any effect, in any simulated policy) whose Action and Resource cover the pair,
 * and the policy variables (`${aws:username}`) without a default that such a Resource names.
 * Matching is the engine's own (statementRequestOf, matchSet), conditions aside.
 */
import type { AccessEvaluation, CompiledPolicy } from '../../../authz/policy/index.ts';
import { statementRequestOf } from '../../../authz/policy/evaluate-access.ts';
import { matchSet } from '../../../authz/policy/match-statement.ts';

/** The keys as the policies spell them, first spelling first, each once (keys are case-insensitive). */
export function missingContextValues(input: AccessEvaluation, policies: readonly CompiledPolicy[]): string[] {
  const r = statementRequestOf(input);
  const missing = new Map<string, string>();
  const note = (key: string, keyLower: string) => {
    if (r.context.get(keyLower) === undefined && !missing.has(keyLower)) missing.set(keyLower, key);
  };
  for (const policy of policies) {
    for (const s of policy.statements) {
      if (!matchSet(s.actions, r.actionLower, undefined)) continue;
      if (s.resources !== undefined) {
        const unresolved = s.resources.patterns.flatMap((p) => p.variables).filter((v) => v.fallback === undefined && r.context.get(v.keyLower) === undefined);
        for (const v of unresolved) note(v.key, v.keyLower);
        // With a variable missing the Resource cannot be matched: its conditions may still apply.
        if (unresolved.length === 0 && !matchSet(s.resources, r.resource, r.context)) continue;
      }
      for (const c of s.conditions) note(c.node.key, c.keyLower);
    }
  }
  return [...missing.values()];
}
