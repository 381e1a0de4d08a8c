/**
 * The embedded IdentityStore: `<data-dir>/identity.sqlite`, secrets sealed with the master key.
 * Resolving a key costs one prepared-statement lookup; the decrypted secret and its derived
 * SigV4 signing keys are cached per key and dropped when the key changes.
 */
import type Database from 'better-sqlite3';
import { createHmac } from 'node:crypto';
import type { Account } from '../../auth/principal.ts';
import { accountRoot } from '../../auth/principal.ts';
import type { CredentialFailure, SigningCredential } from '../../auth/credential-store.ts';
import type { AccessKeyInfo, IdentityStore, NewAccessKey } from '../identity-store.ts';
import { SecretBox } from '../secret-box.ts';
import {
  generateAccessKeyId,
  generateAccountId,
  generateCanonicalId,
  generateSecretAccessKey,
} from '../generate-credentials.ts';
import { SigningKeyCache } from '../../auth/sigv4/signing-key-cache.ts';
import { openSqliteFile } from '../../storage/sqlite/open-database.ts';
import { IDENTITY_MIGRATIONS } from './identity-migrations.ts';

interface AccountRow {
  account_id: string;
  canonical_id: string;
  display_name: string;
  email: string;
}
interface KeyRow {
  access_key_id: string;
  account_id: string;
  user_name: string | null;
  secret_sealed: Buffer;
  status: 'Active' | 'Inactive';
  created_at: number;
}

/** A decrypted key; replaced (and its signing keys forgotten) whenever its row changes. */
interface CachedSecret {
  sealed: Buffer;
  secret: string;
}

export class SqliteIdentityStore implements IdentityStore {
  readonly #db: Database.Database;
  readonly #box: SecretBox;
  readonly #now: () => number;
  readonly #secrets = new Map<string, CachedSecret>();
  readonly #signingKeys = new SigningKeyCache();
  readonly #stmts;

  constructor(options: { dir: string; masterKey: Buffer; now: () => number; durability: 'full' | 'none' }) {
    this.#db = openSqliteFile({
      dir: options.dir,
      file: 'identity.sqlite',
      migrations: IDENTITY_MIGRATIONS,
      label: 'identity',
      durability: options.durability === 'full' ? 'full' : 'normal',
    });
    this.#box = new SecretBox(options.masterKey);
    this.#now = options.now;
    const db = this.#db;
    this.#stmts = {
      insertAccount: db.prepare(
        'INSERT INTO accounts (account_id, canonical_id, display_name, email, is_default, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      accountById: db.prepare('SELECT * FROM accounts WHERE account_id = ?'),
      accountByCanonical: db.prepare('SELECT * FROM accounts WHERE canonical_id = ?'),
      accountByEmail: db.prepare('SELECT * FROM accounts WHERE lower(email) = lower(?)'),
      defaultAccount: db.prepare('SELECT * FROM accounts WHERE is_default = 1'),
      accounts: db.prepare('SELECT * FROM accounts ORDER BY created_at, account_id'),
      deleteAccount: db.prepare('DELETE FROM accounts WHERE account_id = ?'),
      insertKey: db.prepare(
        'INSERT INTO access_keys (access_key_id, account_id, user_name, secret_sealed, status, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      keyById: db.prepare('SELECT * FROM access_keys WHERE access_key_id = ?'),
      keysOf: db.prepare('SELECT * FROM access_keys WHERE account_id = ? AND user_name IS ? ORDER BY created_at'),
      setStatus: db.prepare('UPDATE access_keys SET status = ? WHERE access_key_id = ?'),
      deleteKey: db.prepare('DELETE FROM access_keys WHERE access_key_id = ?'),
    };
  }

  async createAccount(input: { displayName: string; email: string; isDefault?: boolean }): Promise<Account> {
    const account: Account = {
      accountId: generateAccountId(),
      canonicalId: generateCanonicalId(),
      displayName: input.displayName,
      email: input.email,
    };
    this.#stmts.insertAccount.run(
      account.accountId,
      account.canonicalId,
      account.displayName,
      account.email,
      input.isDefault ? 1 : 0,
      this.#now(),
    );
    return account;
  }

  async getAccount(accountId: string): Promise<Account | undefined> {
    return toAccount(this.#stmts.accountById.get(accountId) as AccountRow | undefined);
  }
  async findAccountByCanonicalId(canonicalId: string): Promise<Account | undefined> {
    return toAccount(this.#stmts.accountByCanonical.get(canonicalId) as AccountRow | undefined);
  }
  async findAccountByEmail(email: string): Promise<Account | undefined> {
    return toAccount(this.#stmts.accountByEmail.get(email) as AccountRow | undefined);
  }
  async defaultAccount(): Promise<Account | undefined> {
    return toAccount(this.#stmts.defaultAccount.get() as AccountRow | undefined);
  }
  async listAccounts(): Promise<Account[]> {
    return (this.#stmts.accounts.all() as AccountRow[]).map((r) => toAccount(r)!);
  }
  async deleteAccount(accountId: string): Promise<void> {
    this.#stmts.deleteAccount.run(accountId);
    for (const id of this.#secrets.keys()) this.#signingKeys.forget(id);
    this.#secrets.clear();
  }

  async createAccessKey(input: {
    accountId: string;
    userName?: string;
    accessKeyId?: string;
    secretAccessKey?: string;
  }): Promise<NewAccessKey> {
    const accessKeyId = input.accessKeyId ?? generateAccessKeyId('AKIA');
    const secretAccessKey = input.secretAccessKey ?? generateSecretAccessKey();
    const createdAt = this.#now();
    this.#stmts.insertKey.run(
      accessKeyId,
      input.accountId,
      input.userName ?? null,
      this.#box.seal(secretAccessKey, accessKeyId),
      'Active',
      createdAt,
    );
    return { accessKeyId, accountId: input.accountId, userName: input.userName, status: 'Active', createdAt, secretAccessKey };
  }

  async listAccessKeys(accountId: string, userName?: string): Promise<AccessKeyInfo[]> {
    return (this.#stmts.keysOf.all(accountId, userName ?? null) as KeyRow[]).map(toKeyInfo);
  }
  async getAccessKey(accessKeyId: string): Promise<AccessKeyInfo | undefined> {
    const row = this.#stmts.keyById.get(accessKeyId) as KeyRow | undefined;
    return row && toKeyInfo(row);
  }
  async setAccessKeyStatus(accessKeyId: string, status: 'Active' | 'Inactive'): Promise<void> {
    this.#stmts.setStatus.run(status, accessKeyId);
  }
  async deleteAccessKey(accessKeyId: string): Promise<void> {
    this.#stmts.deleteKey.run(accessKeyId);
    this.#secrets.delete(accessKeyId);
    this.#signingKeys.forget(accessKeyId);
  }

  async resolve(accessKeyId: string, sessionToken: string | undefined): Promise<SigningCredential | CredentialFailure> {
    const row = this.#stmts.keyById.get(accessKeyId) as KeyRow | undefined;
    if (row === undefined) return { failure: 'unknown-key' };
    if (row.status !== 'Active') return { failure: 'inactive-key' };
    const account = toAccount(this.#stmts.accountById.get(row.account_id) as AccountRow | undefined);
    if (account === undefined) return { failure: 'principal-deleted' };
    const cached = this.#secretOf(row);
    return {
      accessKeyId,
      principal: accountRoot(account) as SigningCredential['principal'],
      strayToken: sessionToken,
      signingKey: (date, region, service) =>
        this.#signingKeys.get({ identity: accessKeyId, secret: cached.secret, date, region, service }),
      signV2: (message) => createHmac('sha1', cached.secret).update(message, 'utf8').digest('base64'),
    };
  }

  async close(): Promise<void> {
    this.#secrets.clear();
    this.#db.close();
  }

  #secretOf(row: KeyRow): CachedSecret {
    const cached = this.#secrets.get(row.access_key_id);
    if (cached !== undefined && cached.sealed.equals(row.secret_sealed)) return cached;
    const fresh = { sealed: row.secret_sealed, secret: this.#box.open(row.secret_sealed, row.access_key_id) };
    // A re-sealed row may hold a different secret (COFFER_ROOT_* changed): derive keys anew.
    this.#signingKeys.forget(row.access_key_id);
    this.#secrets.set(row.access_key_id, fresh);
    return fresh;
  }
}

function toAccount(row: AccountRow | undefined): Account | undefined {
  return row && { accountId: row.account_id, canonicalId: row.canonical_id, displayName: row.display_name, email: row.email };
}

function toKeyInfo(row: KeyRow): AccessKeyInfo {
  return {
    accessKeyId: row.access_key_id,
    accountId: row.account_id,
    userName: row.user_name ?? undefined,
    status: row.status,
    createdAt: row.created_at,
  };
}
