/**
 * Turns a raw verdict into the PolicyDecision callers see: statement references with their
 * condition outcomes, near misses for implicit denials, the AccessDenied message and the
 * plain-words reason. Runs once per evaluation, after the allocation-free decision.
 */
import type { PolicyDecision } from './access-decision.ts';
import { accessDeniedMessage } from './access-denied-message.ts';
import type { AccessEvaluation } from './access-evaluation.ts';
import { decisionReason } from './decision-reason.ts';
import type { StatementRequest } from './match-statement.ts';
import { findNearMisses } from './near-misses.ts';
import { statementRef } from './statement-ref.ts';
import type { Verdict } from './verdict.ts';

export function explainVerdict(v: Verdict, input: AccessEvaluation, r: StatementRequest): PolicyDecision {
  const refs = v.hits.map((h) => statementRef(h.kind, h.name, h.policy, h.index, input.context));
  const misses = v.basis === 'implicit-deny' ? findNearMisses(input, r) : { failures: [], notes: [] };
  const notes = [...v.notes, ...misses.notes];
  const reason = decisionReason(v, refs, input, misses.failures) + notes.map((n) => `; ${n}`).join('');
  const explicit = v.basis === 'explicit-deny';
  return {
    allowed: v.allowed,
    effect: v.allowed ? 'allow' : explicit ? 'explicit-deny' : 'implicit-deny',
    reason,
    message: v.allowed
      ? undefined
      : accessDeniedMessage({
          principal: input.principal,
          action: input.action,
          resource: input.resource,
          explicit,
          deniedBy: v.deniedBy!,
          resourceOwner: input.resourceOwner,
        }),
    statements: refs,
    deniedBy: v.deniedBy,
    conditionFailures: misses.failures,
    acl: v.basis === 'acl' || v.basis === 'identity-and-acl' ? input.acl?.description : undefined,
    notes,
  };
}
