/**
 * Whether a statement applies to the request (§2.4: Principal AND Action AND Resource AND
 * Condition), resource and action first, conditions last, without allocating. Returns the principal grant rank
 * (match-principal.ts) so the combination step can tell direct grants from delegated ones;
 * statements without a Principal (identity, boundary, session policies) apply to the caller
 * itself and rank DIRECT.
 */
import type { CompiledStatement, PatternSet } from './compiled-policy.ts';
import { evaluateCondition } from './conditions/evaluate-condition.ts';
import type { EvaluationPrincipal } from './evaluation-principal.ts';
import { DIRECT, type GrantRank, LIMITED, matchPrincipal, NO_MATCH } from './match-principal.ts';
import { matchPattern, type VariableSource } from './match-pattern.ts';
import type { RequestContext } from './request-context.ts';

/** Built once per evaluation. */
export interface StatementRequest {
  readonly principal: EvaluationPrincipal;
  readonly action: string;
  /** Lower-cased once per evaluation: action patterns are stored lower-cased (§2.2). */
  readonly actionLower: string;
  /** The text resources match against (see evaluate-access.ts for `*`). */
  readonly resource: string;
  readonly context: RequestContext;
  /** The caller has a permissions boundary (it matters for NotPrincipal, §2.1). */
  readonly hasBoundary: boolean;
}

export function matchStatement(s: CompiledStatement, r: StatementRequest): GrantRank {
  // Resources first: within one policy they tell statements apart more often than actions do.
  if (s.resources !== undefined && !matchSet(s.resources, r.resource, r.context)) return NO_MATCH;
  if (!matchSet(s.actions, r.actionLower, undefined)) return NO_MATCH;
  const rank = principalRank(s, r);
  if (rank === NO_MATCH) return NO_MATCH;
  const conditions = s.conditions;
  for (let i = 0; i < conditions.length; i++) if (!evaluateCondition(conditions[i]!, r.context)) return NO_MATCH;
  return rank;
}

export function principalRank(s: CompiledStatement, r: StatementRequest): GrantRank {
  if (s.principal === undefined) return DIRECT;
  // §2.1: principals with a permissions boundary are always denied by NotPrincipal + Deny.
  if (s.principal.negated && s.isDeny && r.hasBoundary) return LIMITED;
  return matchPrincipal(s.principal, r.principal);
}

/** Any pattern matches, inverted for NotAction / NotResource. */
export function matchSet(set: PatternSet, text: string, vars: VariableSource | undefined): boolean {
  const patterns = set.patterns;
  let any = false;
  for (let i = 0; i < patterns.length && !any; i++) any = matchPattern(patterns[i]!, text, vars);
  return any !== set.negated;
}
