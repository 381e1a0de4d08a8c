/**
 * INTERIM (see interim-trust-policy-evaluator.ts): reading a trust policy's statements and
 * deciding whether one applies — Principal/NotPrincipal, Action/NotAction (case-insensitive
 * wildcards), Condition (policy-evaluation.md §2). Trust policies have no Resource.
 */
import { conditionMatches, type ConditionContext } from './condition-matches.ts';
import { globMatch } from './glob-match.ts';
import { principalMatches, type PrincipalMatch } from './principal-matches.ts';
import type { TrustCaller } from './trust-caller.ts';

export type Statement = Record<string, unknown>;

/** The statements of a JSON policy; none when the text is not a policy. */
export function parseStatements(document: string): Statement[] {
  let policy: unknown;
  try {
    policy = JSON.parse(document);
  } catch {
    return [];
  }
  if (typeof policy !== 'object' || policy === null) return [];
  const raw = (policy as Record<string, unknown>).Statement;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter((s): s is Statement => typeof s === 'object' && s !== null && !Array.isArray(s));
}

export interface StatementRequest {
  action: string;
  caller: TrustCaller;
  context: ConditionContext;
}

/** How the statement applies (`principal`, or `account` for delegation), or undefined. */
export function statementApplies(s: Statement, request: StatementRequest): PrincipalMatch {
  let principal: PrincipalMatch;
  if ('Principal' in s) principal = principalMatches(s.Principal, request.caller);
  else if ('NotPrincipal' in s) principal = principalMatches(s.NotPrincipal, request.caller) === undefined ? 'principal' : undefined;
  if (principal === undefined) return undefined;
  if (!actionMatches(s, request.action)) return undefined;
  return conditionMatches(s.Condition, request.context) ? principal : undefined;
}

function actionMatches(s: Statement, action: string): boolean {
  const positive = 'Action' in s;
  if (!positive && !('NotAction' in s)) return false;
  const raw = positive ? s.Action : s.NotAction;
  const listed = (Array.isArray(raw) ? raw : [raw]).filter((a): a is string => typeof a === 'string');
  const named = listed.some((p) => globMatch(p, action, { ignoreCase: true }));
  return positive ? named : !named;
}
