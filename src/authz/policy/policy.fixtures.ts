/**
 * Principals and helpers shared by the policy tests and the benchmark: the accounts of
 * policy-evaluation.md §9 (A = 111122223333 owns `photos`, B = 444455556666).
 */
import type { Account, Principal } from '../../auth/principal.ts';
import type { AccessEvaluation, NamedPolicy } from './access-evaluation.ts';
import { findAwsManagedPolicy } from './managed/aws-managed-policies.ts';
import { parseBucketPolicy, parseIdentityPolicy } from './parse-policies.ts';
import { RequestContext } from './request-context.ts';

export const A = '111122223333';
export const B = '444455556666';

export function account(accountId: string): Account {
  return { accountId, canonicalId: accountId.repeat(6).slice(0, 64).padEnd(64, 'a'), displayName: `acct-${accountId}`, email: `${accountId}@example.com` };
}

export const anonymous: Principal = { type: 'Anonymous' };
export const rootA: Principal = { type: 'Account', account: account(A), arn: `arn:aws:iam::${A}:root` };
export const rootB: Principal = { type: 'Account', account: account(B), arn: `arn:aws:iam::${B}:root` };

export function user(accountId: string, name: string, userId = `AIDA${name.toUpperCase().padEnd(16, 'X')}`): Principal {
  return { type: 'User', account: account(accountId), arn: `arn:aws:iam::${accountId}:user/${name}`, userName: name, userId };
}

export function session(accountId: string, role: string, sessionName: string, roleId = `AROA${role.toUpperCase().padEnd(16, 'Y')}`): Principal {
  return {
    type: 'AssumedRole',
    account: account(accountId),
    arn: `arn:aws:sts::${accountId}:assumed-role/${role}/${sessionName}`,
    roleArn: `arn:aws:iam::${accountId}:role/${role}`,
    roleName: role,
    userId: `${roleId}:${sessionName}`,
    sessionName,
  };
}

export const alice = user(A, 'alice');
export const bob = user(B, 'bob');

export function identity(name: string, statements: unknown[] | string): NamedPolicy {
  const text = typeof statements === 'string' ? statements : JSON.stringify({ Version: '2012-10-17', Statement: statements });
  return { name, policy: parseIdentityPolicy(text) };
}

export function managed(name: string): NamedPolicy {
  const p = findAwsManagedPolicy(`arn:aws:iam::aws:policy/${name}`)!;
  return { name, policy: parseIdentityPolicy(p.document) };
}

export function bucketPolicy(statements: unknown[], bucket = 'photos'): NonNullable<AccessEvaluation['resourcePolicy']> {
  const text = JSON.stringify({ Version: '2012-10-17', Statement: statements });
  return { kind: 'bucket', name: bucket, policy: parseBucketPolicy(text, { bucket }) };
}

export function ctx(entries: Record<string, string | string[]> = {}): RequestContext {
  return RequestContext.from(entries);
}
