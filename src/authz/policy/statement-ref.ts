/**
 * A statement as the decision reports it: policy kind and name, Sid, index, effect, and each
 * condition's outcome for this request — plus the label used in plain-words reasons.
 */
import type { PolicyKind, StatementRef } from './access-decision.ts';
import type { CompiledPolicy } from './compiled-policy.ts';
import { describeCondition } from './conditions/describe-condition.ts';
import type { RequestContext } from './request-context.ts';

export function statementRef(kind: PolicyKind, name: string, policy: CompiledPolicy, index: number, context: RequestContext): StatementRef {
  const s = policy.statements[index]!;
  return {
    policyKind: kind,
    policyName: name,
    sid: s.sid,
    index,
    effect: s.node.effect,
    conditions: s.conditions.map((c) => describeCondition(c, context)),
  };
}

/** `statement 'MaxAge' in the bucket policy of 'photos'`, `Statement[2] in identity policy 'x'`. */
export function statementLabel(ref: StatementRef): string {
  const which = ref.sid !== undefined && ref.sid !== '' ? `statement '${ref.sid}'` : `Statement[${ref.index}]`;
  return `${which} in ${policyLabel(ref.policyKind, ref.policyName)}`;
}

export function policyLabel(kind: PolicyKind, name: string): string {
  switch (kind) {
    case 'bucket':
      return `the bucket policy of '${name}'`;
    case 'trust':
      return `the trust policy of '${name}'`;
    case 'identity':
      return `identity policy '${name}'`;
    case 'permissions-boundary':
      return `permissions boundary '${name}'`;
    case 'session':
      return `session policy '${name}'`;
  }
}
