/**
 * INTERIM (to be replaced by the policy engine in src/authz/policy/): does a statement's
 * `Principal` name the caller (policy-evaluation.md §2.1)? Answers how: directly by ARN, or
 * through the caller's account (`"123456789012"` / `arn:aws:iam::123456789012:root`), which for
 * anyone but the root delegates the decision to the caller's identity policies.
 */
import type { TrustCaller } from './trust-caller.ts';

export type PrincipalMatch = 'principal' | 'account' | undefined;

export function principalMatches(principal: unknown, caller: TrustCaller): PrincipalMatch {
  if (principal === '*') return 'principal';
  if (typeof principal !== 'object' || principal === null || Array.isArray(principal)) return undefined;
  const p = principal as Record<string, unknown>;
  if (caller.kind === 'federated') {
    return strings(p.Federated).includes(caller.providerArn) ? 'principal' : undefined;
  }
  let best: PrincipalMatch;
  for (const value of strings(p.AWS)) {
    if (value === '*') return 'principal';
    if (caller.arns.includes(value)) return 'principal';
    const account = /^\d{12}$/.test(value) ? value : /^arn:aws:iam::(\d{12}):root$/.exec(value)?.[1];
    if (account === caller.accountId) best = caller.isRoot ? 'principal' : 'account';
  }
  return best;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
