/**
 * A simulation's `EvaluationResults`: one result per action (as the current IAM model describes
 * `EvaluationResult`), each action tried on each resource (simulate-pair.ts), with the
 * per-resource answers in `ResourceSpecificResults` when resources were named. The top level
 * sums them up as the model says:
 *
 * - `EvalResourceName`: "the ARN template for the simulated resource type (for example,
 *   `arn:${Partition}:s3:::${BucketName}/${KeyName}`), or `*` if no ARN format is defined for
 *   the action" — and `*` when no resource was named;
 * - `EvalDecision`: the most restrictive decision across the resources (explicitDeny, then
 *   implicitDeny, then allowed) [uncertain: the model does not say];
 * - `MatchedStatements`: "the union of matched statements across all requested resources. Only
 *   statements that contributed to the reported decision are included";
 * - `MissingContextValues`: "the deduplicated set … across all requested resources";
 * - `EvalDecisionDetails`: "the most restrictive decision per policy type across all requested
 *   resources"; present but empty within one account when resources were named, absent for `*`;
 * - `PermissionsBoundaryDecisionDetail`: allowed by the boundary on every resource.
 */
import { S3_ACTIONS } from '../../../authz/policy/index.ts';
import { simulatePair, statementKey, type EvalDecision, type MatchedStatement, type PairResult, type SimulationSetup } from './simulate-pair.ts';

export interface ActionResult {
  action: string;
  resourceName: string;
  decision: EvalDecision;
  matched: MatchedStatement[];
  missing: string[];
  /** Undefined: not returned. */
  details: Record<string, EvalDecision> | undefined;
  allowedByBoundary: boolean | undefined;
  /** Undefined when no resource was named (the simulation is about `*`). */
  resources: PairResult[] | undefined;
}

const RANK: Record<EvalDecision, number> = { allowed: 0, implicitDeny: 1, explicitDeny: 2 };

/** `resourceArns` undefined (or just `*`): everything is about `*`. */
export function simulateActions(setup: SimulationSetup, actions: readonly string[], resourceArns: readonly string[] | undefined): ActionResult[] {
  const named = resourceArns !== undefined && !(resourceArns.length === 1 && resourceArns[0] === '*');
  const resources = resourceArns ?? ['*'];
  return actions.map((action) => {
    const pairs = resources.map((resource) => simulatePair(setup, action, resource));
    const decision = pairs.reduce<EvalDecision>((worst, p) => (RANK[p.decision] > RANK[worst] ? p.decision : worst), 'allowed');
    const matched = new Map<string, MatchedStatement>();
    for (const p of pairs) {
      if (p.decision !== decision) continue;
      for (const m of p.matched) matched.set(statementKey(m), m);
    }
    const boundaryVerdicts = pairs.map((p) => p.allowedByBoundary).filter((v): v is boolean => v !== undefined);
    return {
      action,
      resourceName: named ? arnTemplate(action) : '*',
      decision,
      matched: [...matched.values()],
      missing: [...new Set(pairs.flatMap((p) => p.missing))],
      details: resources.some((r) => r !== '*') ? mostRestrictive(pairs) : undefined,
      allowedByBoundary: boundaryVerdicts.length === 0 ? undefined : boundaryVerdicts.every(Boolean),
      resources: named ? pairs : undefined,
    };
  });
}

function mostRestrictive(pairs: readonly PairResult[]): Record<string, EvalDecision> {
  const out: Record<string, EvalDecision> = {};
  for (const p of pairs) {
    for (const [type, d] of Object.entries(p.details ?? {})) if (out[type] === undefined || RANK[d] > RANK[out[type]!]) out[type] = d;
  }
  return out;
}

/**
 * The Service Authorization Reference's ARN format of the action's resource type, for S3's
 * bucket and object actions; `*` otherwise. [uncertain] the object placeholder: the model's
 * example writes `${KeyName}`, the reference `${ObjectName}`; the model's spelling is kept.
 */
function arnTemplate(action: string): string {
  switch (S3_ACTIONS.get(action.toLowerCase())?.kind) {
    case 'bucket':
      return 'arn:${Partition}:s3:::${BucketName}';
    case 'object':
      return 'arn:${Partition}:s3:::${BucketName}/${KeyName}';
    default:
      return '*';
  }
}
