/**
 * IAM's policy size: characters, white space not counted (sts-iam.md §4.1). Inline policies
 * share one budget per entity; managed policies and trust policies have their own limits.
 */
export function policySize(document: string): number {
  let n = 0;
  for (const c of document) if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') n++;
  return n;
}

/** Aggregate inline-policy budget per entity kind (sts-iam.md §4.1). */
export const INLINE_POLICY_BUDGET = { user: 2048, group: 5120, role: 10240 } as const;
export const MANAGED_POLICY_MAX = 6144;
export const TRUST_POLICY_MAX = 2048;
