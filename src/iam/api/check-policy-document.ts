/**
 * MalformedPolicyDocument checks through the policy engine's validators (authz/policy):
 * identity policies (inline, managed, boundaries) with `parseIdentityPolicy`, role trust
 * policies with `parseTrustPolicy`, whose user/role principals must exist (policy-evaluation.md
 * §1: AWS resolves them when the policy is stored). The engine's PolicyError carries IAM's code
 * (MalformedPolicyDocument, or LimitExceeded for size) and words.
 */
import { parseIdentityPolicy, parseTrustPolicy } from '../../authz/policy/parse-policies.ts';
import { PolicyError } from '../../authz/policy/policy-error.ts';
import { IamError } from '../iam-error.ts';
import type { IamReader } from '../iam-store.ts';

/** Throws IamError MalformedPolicyDocument / LimitExceeded. `maxSize` in non-white-space characters. */
export function checkIdentityPolicy(document: string, options: { maxSize?: number } = {}): void {
  rethrow(() => parseIdentityPolicy(document, options.maxSize === undefined ? {} : { maxSize: options.maxSize }));
}

/**
 * Throws IamError MalformedPolicyDocument (`Invalid principal in policy: "AWS":"…"` for a user
 * or role that does not exist) / LimitExceeded (`ACLSizePerRole: 2048`).
 */
export async function checkTrustPolicy(document: string, reader: Pick<IamReader, 'getUser' | 'getRoleByArn'>): Promise<void> {
  // The engine's hook is synchronous: first collect the user/role ARNs the policy names (a
  // first pass that accepts them all), look them up, then validate against what was found.
  const named: Array<{ kind: 'user' | 'role'; arn: string; accountId: string }> = [];
  try {
    parseTrustPolicy(document, { resolvePrincipal: (ref) => (named.push(ref), { uniqueId: 'pending' }) });
  } catch (e) {
    if (!(e instanceof PolicyError)) throw e;
    // Reported below, by the real pass.
  }
  const found = new Map<string, string>();
  for (const ref of named) {
    const id = ref.kind === 'role' ? (await reader.getRoleByArn(ref.arn))?.roleId : await userIdOf(reader, ref.arn, ref.accountId);
    if (id !== undefined) found.set(ref.arn, id);
  }
  rethrow(() => parseTrustPolicy(document, { resolvePrincipal: (ref) => (found.has(ref.arn) ? { uniqueId: found.get(ref.arn)! } : undefined) }));
}

async function userIdOf(reader: Pick<IamReader, 'getUser'>, arn: string, accountId: string): Promise<string | undefined> {
  const name = arn.slice(arn.lastIndexOf('/') + 1);
  const user = await reader.getUser(accountId, name);
  return user?.arn === arn ? user.userId : undefined;
}

function rethrow(validate: () => unknown): void {
  try {
    validate();
  } catch (e) {
    if (e instanceof PolicyError) throw new IamError(e.code === 'LimitExceeded' ? 'LimitExceeded' : 'MalformedPolicyDocument', e.message);
    throw e;
  }
}
