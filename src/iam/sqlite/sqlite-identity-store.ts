/**
 * The embedded IdentityStore: `<data-dir>/identity.sqlite`, secrets sealed with the master key.
 * Resolving a key costs one prepared-statement lookup (key, account and IAM user joined); the
 * decrypted secret and its derived SigV4 signing keys are cached per key and dropped when the
 * key changes. A key's last use (GetAccessKeyLastUsed) is written at most once a minute per key.
 */
import type Database from 'better-sqlite3';
import { createHmac } from 'node:crypto';
import type { Account } from '../../auth/principal.ts';
import { accountRoot } from '../../auth/principal.ts';
import type { CredentialFailure, SigningCredential } from '../../auth/credential-store.ts';
import type { AccessKeyInfo, AccountSummary, IdentityStore, NewAccessKey } from '../identity-store.ts';
import type { PublicAccessBlock } from '../../storage/types.ts';
import { SqliteAccountAdmin } from '../accounts/sqlite-account-admin.ts';
import { SecretBox } from '../secret-box.ts';
import {
  generateAccessKeyId,
  generateAccountId,
  generateCanonicalId,
  generateSecretAccessKey,
} from '../generate-credentials.ts';
import { SigningKeyCache } from '../../auth/sigv4/signing-key-cache.ts';
import { openSqliteFile } from '../../storage/sqlite/open-database.ts';
import { ReadCache } from '../../storage/sqlite/read-cache.ts';
import { IDENTITY_MIGRATIONS } from './identity-migrations.ts';
import { SqliteIamStore } from './sqlite-iam-store.ts';
import { userArn } from '../iam-arns.ts';
import { noSuchEntity } from '../iam-error.ts';

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

/** A key joined with its account and (for IAM users' keys) its user, as resolve() reads it. */
interface ResolveRow {
  access_key_id: string;
  secret_sealed: Buffer;
  status: 'Active' | 'Inactive';
  user_id: string | null;
  account_id: string | null;
  canonical_id: string;
  display_name: string;
  email: string;
  u_name: string | null;
  u_path: string | null;
}

/** GetAccessKeyLastUsed is a day-granular tool on AWS: a write a minute per key is plenty. */
const LAST_USED_INTERVAL_MS = 60_000;

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
  /** When each key's last use was last written, so a busy key costs one UPDATE a minute. */
  readonly #lastUseWritten = new Map<string, number>();
  readonly #stmts;
  /** resolve()'s row per key: every signed request needs it, and IAM changes are rare. */
  readonly #resolveRows: ReadCache<ResolveRow>;
  /** Account-level Block Public Access, also consulted on every request. */
  readonly #accountBpa: ReadCache<{ value: PublicAccessBlock | undefined }>;
  /** Users, groups, roles, policies, user access keys, OIDC providers: the IAM API's store. */
  readonly iam: SqliteIamStore;
  /** Account creation with its root key, summaries, account-level Block Public Access. */
  readonly #accounts: SqliteAccountAdmin;

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
    this.#resolveRows = new ReadCache(db, { invalidateOn: 'any-write' });
    this.#accountBpa = new ReadCache(db, { invalidateOn: 'any-write' });
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
      keyById: db.prepare('SELECT * FROM access_keys WHERE access_key_id = ?'),
      keysOf: db.prepare(
        'SELECT k.* FROM access_keys k LEFT JOIN iam_users u ON u.user_id = k.user_id WHERE k.account_id = ? AND u.user_name IS ? COLLATE NOCASE ORDER BY k.created_at',
      ),
      insertUserKey: db.prepare(
        'INSERT INTO access_keys (access_key_id, account_id, user_name, user_id, secret_sealed, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      userByName: db.prepare('SELECT user_id, user_name FROM iam_users WHERE account_id = ? AND user_name = ? COLLATE NOCASE'),
      setStatus: db.prepare('UPDATE access_keys SET status = ? WHERE access_key_id = ?'),
      deleteKey: db.prepare('DELETE FROM access_keys WHERE access_key_id = ?'),
      resolve: db.prepare(
        `SELECT k.access_key_id, k.secret_sealed, k.status, k.user_id, a.account_id, a.canonical_id, a.display_name, a.email,
                u.user_name AS u_name, u.path AS u_path
         FROM access_keys k LEFT JOIN accounts a ON a.account_id = k.account_id LEFT JOIN iam_users u ON u.user_id = k.user_id
         WHERE k.access_key_id = ?`,
      ),
      lastUsed: db.prepare('UPDATE access_keys SET last_used_at = ?, last_used_service = ?, last_used_region = ? WHERE access_key_id = ?'),
    };
    this.iam = new SqliteIamStore({ db, now: this.#now, box: this.#box, forgetKey: (id) => this.#forget(id) });
    this.#accounts = new SqliteAccountAdmin({ db, box: this.#box, now: this.#now });
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
    this.#lastUseWritten.clear();
  }

  async createAccountWithRootKey(input: { displayName: string; email: string }): Promise<{ account: Account; rootKey: NewAccessKey }> {
    return this.#accounts.createAccountWithRootKey(input);
  }
  async listAccountSummaries(): Promise<AccountSummary[]> {
    return this.#accounts.listAccountSummaries();
  }
  async getAccountPublicAccessBlock(accountId: string): Promise<PublicAccessBlock | undefined> {
    return this.#accountBpa.get(accountId, () => ({ value: this.#accounts.getPublicAccessBlock(accountId) }))!.value;
  }
  async putAccountPublicAccessBlock(accountId: string, config: PublicAccessBlock): Promise<void> {
    this.#accounts.putPublicAccessBlock(accountId, config);
  }
  async deleteAccountPublicAccessBlock(accountId: string): Promise<boolean> {
    return this.#accounts.deletePublicAccessBlock(accountId);
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
    // A user's key names its owner by unique id (no quota here: this is the bootstrap path;
    // the IAM API goes through iam.accessKeys, which enforces AccessKeysPerUser).
    const user =
      input.userName === undefined
        ? undefined
        : (this.#stmts.userByName.get(input.accountId, input.userName) as { user_id: string; user_name: string } | undefined);
    if (input.userName !== undefined && user === undefined) throw noSuchEntity('user', input.userName);
    this.#stmts.insertUserKey.run(
      accessKeyId,
      input.accountId,
      user?.user_name ?? null,
      user?.user_id ?? null,
      this.#box.seal(secretAccessKey, accessKeyId),
      'Active',
      createdAt,
    );
    return { accessKeyId, accountId: input.accountId, userName: user?.user_name, status: 'Active', createdAt, secretAccessKey };
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
    this.#forget(accessKeyId);
  }

  async resolve(accessKeyId: string, sessionToken: string | undefined, now?: number): Promise<SigningCredential | CredentialFailure> {
    const row = this.#resolveRows.get(accessKeyId, () => this.#stmts.resolve.get(accessKeyId) as ResolveRow | undefined);
    if (row === undefined) return { failure: 'unknown-key' };
    if (row.status !== 'Active') return { failure: 'inactive-key' };
    if (row.account_id === null) return { failure: 'principal-deleted' };
    const account: Account = { accountId: row.account_id, canonicalId: row.canonical_id, displayName: row.display_name, email: row.email };
    let principal: SigningCredential['principal'];
    if (row.user_id === null) principal = accountRoot(account) as SigningCredential['principal'];
    else if (row.u_name === null || row.u_path === null) return { failure: 'principal-deleted' };
    else principal = { type: 'User', account, arn: userArn(account.accountId, row.u_path, row.u_name), userName: row.u_name, userId: row.user_id };
    const cached = this.#secretOf(row);
    const usedAt = now ?? this.#now();
    return {
      accessKeyId,
      principal,
      strayToken: sessionToken,
      signingKey: (date, region, service) => {
        this.#noteUse(accessKeyId, usedAt, service, region);
        return this.#signingKeys.get({ identity: accessKeyId, secret: cached.secret, date, region, service });
      },
      signV2: (message) => {
        // SigV2 names no region; AWS shows S3's global endpoint region for such calls [uncertain].
        this.#noteUse(accessKeyId, usedAt, 's3', 'us-east-1');
        return createHmac('sha1', cached.secret).update(message, 'utf8').digest('base64');
      },
    };
  }

  async close(): Promise<void> {
    this.#secrets.clear();
    this.#db.close();
  }

  /**
   * Records a use for GetAccessKeyLastUsed. Called when the signature is computed, which is
   * when the request's service and region are known; at most one UPDATE a minute per key.
   */
  #noteUse(accessKeyId: string, at: number, service: string, region: string): void {
    const written = this.#lastUseWritten.get(accessKeyId);
    if (written !== undefined && at - written < LAST_USED_INTERVAL_MS && at >= written) return;
    this.#lastUseWritten.set(accessKeyId, at);
    this.#stmts.lastUsed.run(at, service, region, accessKeyId);
  }

  #forget(accessKeyId: string): void {
    this.#secrets.delete(accessKeyId);
    this.#signingKeys.forget(accessKeyId);
    this.#lastUseWritten.delete(accessKeyId);
  }

  #secretOf(row: { access_key_id: string; secret_sealed: Buffer }): CachedSecret {
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
