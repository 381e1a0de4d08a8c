/**
 * IdentityStore: accounts and their access keys, and (`iam`) the IAM users, groups, roles,
 * policies and OIDC providers of each account. It is also the CredentialStore that
 * authentication asks: secrets are sealed at rest and only ever used inside it; an IAM user's
 * key resolves to a `User` principal, the root's keys to the `Account` principal.
 */
import type { Account } from '../auth/principal.ts';
import type { CredentialStore } from '../auth/credential-store.ts';
import type { IamStore } from './iam-store.ts';
import type { PublicAccessBlock } from '../storage/types.ts';

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

/** An account as `coffer admin account list` shows it: never a secret. */
export interface AccountSummary {
  account: Account;
  isDefault: boolean;
  createdAt: number;
  /** All its access keys: its root's and its IAM users'. */
  accessKeys: number;
  rootAccessKeys: number;
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
   * A new (not default) account and its root access key, in one transaction. E-mail addresses
   * are unique case-insensitively: throws AccountError 'email-taken'; and 'wrong-master-key'
   * when this store's master key cannot open the secrets already in it.
   */
  createAccountWithRootKey(input: { displayName: string; email: string }): Promise<{ account: Account; rootKey: NewAccessKey }>;
  listAccountSummaries(): Promise<AccountSummary[]>;

  /**
   * The account's Block Public Access settings (policy-evaluation.md §8.4), or undefined when it
   * has none (every flag off). Read on every call, never cached: `coffer admin
   * public-access-block` changes them from another process.
   */
  getAccountPublicAccessBlock(accountId: string): Promise<PublicAccessBlock | undefined>;
  /** Replaces the account's settings; throws AccountError 'no-such-account'. */
  putAccountPublicAccessBlock(accountId: string, config: PublicAccessBlock): Promise<void>;
  /** Removes them (every flag off); false when there were none. Throws AccountError 'no-such-account'. */
  deleteAccountPublicAccessBlock(accountId: string): Promise<boolean>;

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
