/**
 * The evaluator's raw result, before it is explained: the decision, its basis, and the
 * statements it rests on as (policy, index) hits. explain-verdict.ts turns it into a
 * PolicyDecision with messages, condition outcomes and plain words.
 */
import type { PolicyKind, PolicyType } from './access-decision.ts';
import type { CompiledPolicy } from './compiled-policy.ts';

export interface Hit {
  readonly kind: PolicyKind;
  readonly name: string;
  readonly policy: CompiledPolicy;
  /** Statement index in policy.statements. */
  readonly index: number;
}

export type Basis =
  | 'explicit-deny'
  | 'implicit-deny'
  /** Root user of the owning account (identity policies cannot limit root). */
  | 'root'
  /** Same-account identity side: identity ∧ boundary ∧ session policies allow. */
  | 'identity'
  /** Same-account resource-policy grant that suffices on its own (§7.3), or an anonymous grant. */
  | 'resource-policy'
  | 'acl'
  /** Cross-account: identity side and resource side both allow. */
  | 'identity-and-resource'
  | 'identity-and-acl';

export interface Verdict {
  readonly allowed: boolean;
  readonly basis: Basis;
  readonly deniedBy: PolicyType | undefined;
  readonly hits: readonly Hit[];
  readonly notes: readonly string[];
}
