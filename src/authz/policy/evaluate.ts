/**
 * `evaluateAccess`: the decision for one (action, resource) pair with its explanation, and
 * `isAccessAllowed`: the same decision without the explanation, for callers that only need
 * the boolean (DeleteObjects' per-key checks, the 404-vs-403 ListBucket probe).
 */
import type { PolicyDecision } from './access-decision.ts';
import type { AccessEvaluation } from './access-evaluation.ts';
import { decideAccess, statementRequestOf } from './evaluate-access.ts';
import { explainVerdict } from './explain-verdict.ts';

export function evaluateAccess(input: AccessEvaluation): PolicyDecision {
  const r = statementRequestOf(input);
  return explainVerdict(decideAccess(input, r), input, r);
}

export function isAccessAllowed(input: AccessEvaluation): boolean {
  return decideAccess(input, statementRequestOf(input)).allowed;
}
