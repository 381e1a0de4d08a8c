/**
 * The evaluator's answer, with its evidence: which statements decided, which policy type's
 * deny it was, which conditions held or failed with what values, the AccessDenied message AWS
 * would send (errors.md §8), and plain words for `coffer explain`. It is a superset of the
 * Authorizer's Decision (src/authz/authorizer.ts).
 */
import type { Effect } from './policy-ast.ts';
import type { ContextValue } from './request-context.ts';

export type PolicyKind = 'identity' | 'permissions-boundary' | 'session' | 'bucket' | 'trust';

/** The `<type>` of errors.md §8's messages. */
export type PolicyType = 'identity-based' | 'resource-based' | 'permissions boundary' | 'session';

export interface ConditionOutcome {
  /** As written: `NumericGreaterThan`, `ForAnyValue:StringLike`. */
  readonly operator: string;
  readonly key: string;
  /** undefined when the request has no such key. */
  readonly requestValue: ContextValue | undefined;
  readonly policyValues: readonly string[];
  readonly held: boolean;
  /** Plain words: `s3:signatureAge 700000 > 600000`. */
  readonly text: string;
}

export interface StatementRef {
  readonly policyKind: PolicyKind;
  readonly policyName: string;
  readonly sid: string | undefined;
  /** Position in the policy's Statement array (0-based). */
  readonly index: number;
  readonly effect: Effect;
  readonly conditions: readonly ConditionOutcome[];
}

/** An Allow statement whose principal, action and resource matched but whose condition failed. */
export interface ConditionFailure {
  readonly statement: StatementRef;
  readonly condition: ConditionOutcome;
}

export interface PolicyDecision {
  readonly allowed: boolean;
  readonly effect: 'allow' | 'explicit-deny' | 'implicit-deny';
  /** Plain words: what allowed or denied it. */
  readonly reason: string;
  /** The AccessDenied message for a denial; undefined when allowed. */
  readonly message: string | undefined;
  /** Deciding statements: the Deny that matched, or the Allows the decision rests on. */
  readonly statements: readonly StatementRef[];
  /** For denials: the policy type whose (explicit or implicit) deny decided. */
  readonly deniedBy: PolicyType | undefined;
  /** For implicit denials: Allow statements that failed only on a condition. */
  readonly conditionFailures: readonly ConditionFailure[];
  /** The ACL verdict's description when the ACL took part in an allow. */
  readonly acl: string | undefined;
  /** Further facts: RestrictPublicBuckets, lock-out recovery, unresolved policy variables… */
  readonly notes: readonly string[];
}
