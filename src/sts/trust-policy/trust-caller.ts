/**
 * Who asks to assume a role, as a trust policy's `Principal` sees it (policy-evaluation.md §2.1):
 * an AWS principal of some account — matched by its ARNs (a user ARN; for a role session both the
 * role ARN and the session ARN) or through its account — or a federated identity (the ARN of the
 * OIDC provider that vouched for it).
 */
export type TrustCaller =
  | {
      kind: 'aws';
      accountId: string;
      /** The account root itself (no delegation needed for account principals). */
      isRoot: boolean;
      /** ARNs a principal element may name to mean this caller. */
      arns: readonly string[];
    }
  | { kind: 'federated'; providerArn: string };

/** Evaluation of a trust policy for one action. */
export type TrustDecision =
  /** `via: 'account'`: allowed only because the policy names the caller's account, which delegates to the caller's own identity policies. */
  | { effect: 'allow'; via: 'principal' | 'account' }
  | { effect: 'explicit-deny' }
  | { effect: 'implicit-deny' };

export interface TrustPolicyEvaluator {
  evaluate(input: {
    /** The role's AssumeRolePolicyDocument as stored. */
    document: string;
    /** `sts:AssumeRole`, `sts:AssumeRoleWithWebIdentity`, `sts:TagSession`, `sts:SetSourceIdentity`. */
    action: string;
    caller: TrustCaller;
    /** Condition keys, lower-cased. */
    context: ReadonlyMap<string, string | readonly string[]>;
  }): TrustDecision;
}
