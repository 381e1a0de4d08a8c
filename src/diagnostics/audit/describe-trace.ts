/**
 * A decision's evidence as lines of plain words, for `coffer explain` and `coffer simulate`
 * alike: each deciding statement with each of its conditions (held or not, with the request's
 * value), the Allow statements that failed only on a condition, the ACL grant, the notes.
 */
import type { ConditionOutcome, StatementRef } from '../../authz/policy/index.ts';
import { statementLabel } from '../../authz/policy/statement-ref.ts';
import type { AuditRecord } from './audit-record.ts';

export type TraceTone = 'allow' | 'deny' | 'held' | 'failed' | 'note';

export interface TraceLine {
  tone: TraceTone;
  /** 0: a statement or fact; 1: one of its conditions. */
  depth: 0 | 1;
  text: string;
}

export type Trace = Pick<AuditRecord, 'statements' | 'conditionFailures' | 'acl' | 'notes'>;

export function describeTrace(t: Trace): TraceLine[] {
  const out: TraceLine[] = [];
  for (const s of t.statements ?? []) {
    const deny = s.effect === 'Deny';
    out.push({ tone: deny ? 'deny' : 'allow', depth: 0, text: `${deny ? 'Deny' : 'Allow'}: ${label(s)}${s.conditions.length === 0 ? ', no conditions' : ''}` });
    for (const c of s.conditions) out.push(conditionLine(c));
  }
  for (const f of t.conditionFailures ?? []) {
    out.push({ tone: 'failed', depth: 0, text: `did not apply: ${label(f.statement)} — its condition failed` });
    out.push(conditionLine(f.condition));
  }
  if (t.acl !== undefined) out.push({ tone: 'allow', depth: 0, text: `ACL: ${t.acl}` });
  for (const n of t.notes ?? []) out.push({ tone: 'note', depth: 0, text: `note: ${n}` });
  return out;
}

/** `statement 'MaxAge' in … (Statement[0])`: the position too, unless the label is the position. */
function label(s: StatementRef): string {
  return s.sid !== undefined && s.sid !== '' ? `${statementLabel(s)} (Statement[${s.index}])` : statementLabel(s);
}

function conditionLine(c: ConditionOutcome): TraceLine {
  return { tone: c.held ? 'held' : 'failed', depth: 1, text: `${c.held ? 'held' : 'failed'}: ${c.text} (${c.operator})` };
}
