/**
 * A bucket policy as PutBucketPolicy validates it (../shared/spec/policy-evaluation.md §1): the
 * policy engine's rules, with the principals checked against the identities this server knows.
 *
 * - IAM user and role ARNs must name an existing user/role, path and case included, and are
 *   resolved to its unique id (AWS does this when the policy is stored; unknown → `Invalid
 *   principal in policy`).
 * - CanonicalUser ids must be the canonical id of an account of this server (as an ACL grantee
 *   must be; AWS resolves them to the account).
 * - Account principals (`111122223333`, `arn:aws:iam::111122223333:root`) are accepted whenever
 *   well formed, known here or not: a policy naming a real AWS account elsewhere must not be
 *   refused by Coffer when AWS would store it.
 * - Assumed-role session, federated-user, unique-id and service principals are not looked up.
 *
 * Any fault is 400 MalformedPolicy with the engine's message (the first fault found; an unknown
 * CanonicalUser is found after the engine's own checks of every statement).
 */
import type { AccountDirectory } from '../../../authz/acl/resolve-grantees.ts';
import type { CompiledPolicy } from '../../../authz/policy/compiled-policy.ts';
import type { ResolvePrincipal } from '../../../authz/policy/dialect-rules.ts';
import { parseBucketPolicy } from '../../../authz/policy/parse-policies.ts';
import { PolicyError } from '../../../authz/policy/policy-error.ts';
import type { IamReader } from '../../../iam/iam-store.ts';
import { principalResolver } from '../../../authz/stored-bucket-policy.ts';
import { S3Error } from '../../errors/s3-error.ts';

export interface BucketPolicyDirectory {
  /** Without it, user and role ARNs are taken as they are (not resolved). */
  iam: Pick<IamReader, 'getUser' | 'getRoleByArn'> | undefined;
  accounts: Pick<AccountDirectory, 'findAccountByCanonicalId'>;
}

type PrincipalRef = Parameters<ResolvePrincipal>[0];

export async function compileBucketPolicy(
  text: string,
  options: { bucket: string; directory: BucketPolicyDirectory },
): Promise<{ policy: CompiledPolicy; principalIds: Record<string, string> }> {
  const { bucket, directory } = options;
  const found = directory.iam === undefined ? undefined : await lookUpPrincipals(text, bucket, directory.iam);
  let policy: CompiledPolicy;
  try {
    policy = parseBucketPolicy(text, found === undefined ? { bucket } : { bucket, resolvePrincipal: principalResolver(found) });
  } catch (e) {
    if (e instanceof PolicyError) throw malformedPolicy(e.message, `bucket policy fault: ${e.fault}`);
    throw e;
  }
  await checkCanonicalUsers(policy, directory.accounts);
  return { policy, principalIds: usedIds(policy, found) };
}

/** The ids the compiled policy resolved, by ARN (only those its statements name). */
function usedIds(policy: CompiledPolicy, found: ReadonlyMap<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (found === undefined) return out;
  for (const s of policy.statements) {
    for (const e of s.principal?.entries ?? []) {
      if ((e.kind === 'user' || e.kind === 'role') && e.uniqueId !== undefined) out[e.arn] = e.uniqueId;
    }
  }
  return out;
}

/**
 * The engine's resolution hook is synchronous and the IAM store is not: a first pass that
 * accepts every user/role ARN collects those the policy names (up to its first fault); they
 * are looked up; the real pass then resolves against what was found. It stops at the same
 * fault or earlier, so every ARN it asks about has been looked up.
 */
async function lookUpPrincipals(text: string, bucket: string, iam: NonNullable<BucketPolicyDirectory['iam']>): Promise<Map<string, string>> {
  const named: PrincipalRef[] = [];
  try {
    parseBucketPolicy(text, { bucket, resolvePrincipal: (ref) => (named.push(ref), { uniqueId: 'pending' }) });
  } catch (e) {
    if (!(e instanceof PolicyError)) throw e; // reported by the real pass
  }
  const found = new Map<string, string>();
  for (const ref of named) {
    if (found.has(ref.arn)) continue;
    const id = ref.kind === 'role' ? (await iam.getRoleByArn(ref.arn))?.roleId : await userIdOf(iam, ref);
    if (id !== undefined) found.set(ref.arn, id);
  }
  return found;
}

/** IAM has no lookup by user ARN: by name, then the whole ARN (path, case) must be the user's. */
async function userIdOf(iam: Pick<IamReader, 'getUser'>, ref: PrincipalRef): Promise<string | undefined> {
  const user = await iam.getUser(ref.accountId, ref.arn.slice(ref.arn.lastIndexOf('/') + 1));
  return user?.arn === ref.arn ? user.userId : undefined;
}

async function checkCanonicalUsers(policy: CompiledPolicy, accounts: BucketPolicyDirectory['accounts']): Promise<void> {
  for (const s of policy.statements) {
    for (const e of s.principal?.entries ?? []) {
      if (e.kind === 'canonical-user' && (await accounts.findAccountByCanonicalId(e.id)) === undefined) {
        throw malformedPolicy('Invalid principal in policy', `statement ${s.index}: CanonicalUser ${e.id} is no account of this server`);
      }
    }
  }
}

export function malformedPolicy(message: string, reason: string): S3Error {
  return new S3Error('MalformedPolicy', { message, reason });
}
