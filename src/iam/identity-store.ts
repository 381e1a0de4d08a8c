/**
 * IdentityStore: accounts and their access keys, and (`iam`) the IAM users, groups, roles,
 * policies and OIDC providers of each account. It is also the CredentialStore that
 * authentication asks: secrets are sealed at rest and only ever used inside it; an IAM user's
 * key resolves to a `User` principal, the root's keys to the `Account` principal.
 */
import type { Account } from '../auth/principal.ts';
import type { CredentialStore } from '../auth/credential-store.ts';
import type { IamStore } from './iam-store.ts';

export interface AccessKeyInfo {
  accessKeyId: string;
  accountId: string;
  /** Undefined for the account's root keys. */
  userName: string | undefined;
  status: 'Active' | 'Inactive';
  createdAt: number;
}

export interface NewAccessKey extends AccessKeyInfo {
  /** Returned once, at creation; never again. */
  secretAccessKey: string;
}

export interface IdentityStore extends CredentialStore {
  /** The IAM entities; also what STS and the authorizer read (IamReader). */
  readonly iam: IamStore;
  createAccount(input: { displayName: string; email: string; isDefault?: boolean }): Promise<Account>;
  getAccount(accountId: string): Promise<Account | undefined>;
  findAccountByCanonicalId(canonicalId: string): Promise<Account | undefined>;
  findAccountByEmail(email: string): Promise<Account | undefined>;
  defaultAccount(): Promise<Account | undefined>;
  listAccounts(): Promise<Account[]>;
  deleteAccount(accountId: string): Promise<void>;

  /**
   * Creates a key without quota checks (bootstrap; the IAM API uses `iam.accessKeys`); with
   * `secret` given (COFFER_ROOT_* variables) that secret is used. `userName` must name a user.
   */
  createAccessKey(input: {
    accountId: string;
    userName?: string;
    accessKeyId?: string;
    secretAccessKey?: string;
  }): Promise<NewAccessKey>;
  listAccessKeys(accountId: string, userName?: string): Promise<AccessKeyInfo[]>;
  getAccessKey(accessKeyId: string): Promise<AccessKeyInfo | undefined>;
  setAccessKeyStatus(accessKeyId: string, status: 'Active' | 'Inactive'): Promise<void>;
  deleteAccessKey(accessKeyId: string): Promise<void>;

  close(): Promise<void>;
}
