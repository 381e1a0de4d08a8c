/** Accounts, principals and an account directory for the ACL unit tests. */
import type { Account, Principal } from '../../../auth/principal.ts';
import type { Owner } from '../../../storage/types.ts';
import { S3Error } from '../../../s3/errors/s3-error.ts';
import type { AccountDirectory } from '../resolve-grantees.ts';

export const ALICE: Account = { accountId: '111122223333', canonicalId: 'a'.repeat(64), displayName: 'alice', email: 'alice@example.com' };
export const BOB: Account = { accountId: '444455556666', canonicalId: 'b'.repeat(64), displayName: 'bob', email: 'bob@example.com' };
export const CAROL: Account = { accountId: '777788889999', canonicalId: 'c'.repeat(64), displayName: 'carol', email: 'carol@example.com' };

export const ALICE_OWNER: Owner = { accountId: ALICE.accountId, canonicalId: ALICE.canonicalId, displayName: ALICE.displayName };
export const BOB_OWNER: Owner = { accountId: BOB.accountId, canonicalId: BOB.canonicalId, displayName: BOB.displayName };

export const ANON: Principal = { type: 'Anonymous' };
export const rootOf = (account: Account): Principal => ({ type: 'Account', account, arn: `arn:aws:iam::${account.accountId}:root` });
export const userOf = (account: Account, name: string): Principal => ({
  type: 'User',
  account,
  arn: `arn:aws:iam::${account.accountId}:user/${name}`,
  userName: name,
  userId: 'AIDAEXAMPLE' + name.toUpperCase(),
});
export const roleSessionOf = (account: Account): Principal => ({
  type: 'AssumedRole',
  account,
  arn: `arn:aws:sts::${account.accountId}:assumed-role/app/job1`,
  roleArn: `arn:aws:iam::${account.accountId}:role/app`,
  roleName: 'app',
  userId: 'AROAEXAMPLE:job1',
  sessionName: 'job1',
});

/** A directory that knows ALICE, BOB and CAROL. */
export const DIRECTORY: AccountDirectory = {
  async findAccountByCanonicalId(id) {
    return [ALICE, BOB, CAROL].find((a) => a.canonicalId === id);
  },
  async findAccountByEmail(email) {
    return [ALICE, BOB, CAROL].find((a) => a.email.toLowerCase() === email.toLowerCase());
  },
};

/** A predicate for assert.throws / assert.rejects: an S3Error with this code (and message, fields). */
export function s3Error(code: string, expected: { message?: string; fields?: ReadonlyArray<readonly [string, string]> } = {}) {
  return (e: unknown): boolean => {
    if (!(e instanceof S3Error)) return false;
    if (e.code !== code) throw new Error(`expected ${code}, got ${e.code}: ${e.message}`);
    if (expected.message !== undefined && e.message !== expected.message) throw new Error(`message: ${e.message}`);
    if (expected.fields !== undefined) {
      if (JSON.stringify(e.fields) !== JSON.stringify(expected.fields)) throw new Error(`fields: ${JSON.stringify(e.fields)}`);
    }
    return true;
  };
}

/** Request headers from a plain object (lower-case names). */
export function headers(values: Record<string, string>): { get(name: string): string | undefined } {
  return { get: (name) => values[name] };
}
