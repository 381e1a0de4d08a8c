/**
 * A session policy (the `Policy` parameter) must be a policy document: the policy engine's
 * `parseSessionPolicy` checks it, and its fault becomes 400 MalformedPolicyDocument with STS's
 * words (sts-iam.md §2.7; "The policy is not in the valid JSON format." is uncertain).
 */
import { parseSessionPolicy } from '../authz/policy/parse-policies.ts';
import { PolicyError } from '../authz/policy/policy-error.ts';
import { QueryApiError } from '../query-api/query-error.ts';

export function checkSessionPolicy(policy: string | undefined): void {
  if (policy === undefined) return;
  try {
    parseSessionPolicy(policy);
  } catch (e) {
    if (e instanceof PolicyError) throw new QueryApiError(e.code === 'LimitExceeded' ? 409 : 400, e.code, e.message);
    throw e;
  }
}
