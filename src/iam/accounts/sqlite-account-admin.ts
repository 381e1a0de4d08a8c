/**
 * Account administration on the identity database (`coffer admin account …`,
 * `coffer admin public-access-block`): creating an account with its root key in one
 * transaction, summaries for listing, and the account-level Block Public Access settings.
 * Built by SqliteIdentityStore, which owns the connection and the secret box.
 *
 * The CLI runs these from its own process beside a running server; every write is one
 * IMMEDIATE transaction (the other process waits busy_timeout), and nothing here is cached, so
 * the server sees a change on its next read.
 */
import type Database from 'better-sqlite3';
import type { Account } from '../../auth/principal.ts';
import type { PublicAccessBlock } from '../../storage/types.ts';
import { generateAccessKeyId, generateAccountId, generateCanonicalId, generateSecretAccessKey } from '../generate-credentials.ts';
import type { AccountSummary, NewAccessKey } from '../identity-store.ts';
import type { SecretBox } from '../secret-box.ts';
import { AccountError, noSuchAccount } from './account-error.ts';

interface SummaryRow {
  account_id: string;
  canonical_id: string;
  display_name: string;
  email: string;
  is_default: number;
  created_at: number;
  access_keys: number;
  root_access_keys: number;
}
interface BpaRow {
  block_public_acls: number | null;
  ignore_public_acls: number | null;
  block_public_policy: number | null;
  restrict_public_buckets: number | null;
}

export class SqliteAccountAdmin {
  readonly #db: Database.Database;
  readonly #box: SecretBox;
  readonly #now: () => number;
  readonly #stmts;

  constructor(options: { db: Database.Database; box: SecretBox; now: () => number }) {
    const db = (this.#db = options.db);
    this.#box = options.box;
    this.#now = options.now;
    this.#stmts = {
      accountExists: db.prepare('SELECT 1 FROM accounts WHERE account_id = ?').pluck(),
      emailTaken: db.prepare('SELECT account_id FROM accounts WHERE lower(email) = lower(?)').pluck(),
      anySealedKey: db.prepare('SELECT access_key_id, secret_sealed FROM access_keys LIMIT 1'),
      insertAccount: db.prepare(
        'INSERT INTO accounts (account_id, canonical_id, display_name, email, is_default, created_at) VALUES (?, ?, ?, ?, 0, ?)',
      ),
      insertRootKey: db.prepare(
        "INSERT INTO access_keys (access_key_id, account_id, user_name, user_id, secret_sealed, status, created_at) VALUES (?, ?, NULL, NULL, ?, 'Active', ?)",
      ),
      summaries: db.prepare(
        `SELECT a.account_id, a.canonical_id, a.display_name, a.email, a.is_default, a.created_at,
                (SELECT count(*) FROM access_keys k WHERE k.account_id = a.account_id) AS access_keys,
                (SELECT count(*) FROM access_keys k WHERE k.account_id = a.account_id AND k.user_id IS NULL) AS root_access_keys
         FROM accounts a ORDER BY a.is_default DESC, a.created_at, a.account_id`,
      ),
      getBpa: db.prepare(
        'SELECT block_public_acls, ignore_public_acls, block_public_policy, restrict_public_buckets FROM account_settings WHERE account_id = ?',
      ),
      putBpa: db.prepare(
        `INSERT INTO account_settings (account_id, block_public_acls, ignore_public_acls, block_public_policy, restrict_public_buckets, public_access_block_updated_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (account_id) DO UPDATE SET block_public_acls = excluded.block_public_acls, ignore_public_acls = excluded.ignore_public_acls,
           block_public_policy = excluded.block_public_policy, restrict_public_buckets = excluded.restrict_public_buckets,
           public_access_block_updated_at = excluded.public_access_block_updated_at`,
      ),
      deleteBpa: db.prepare(
        `UPDATE account_settings SET block_public_acls = NULL, ignore_public_acls = NULL, block_public_policy = NULL,
           restrict_public_buckets = NULL, public_access_block_updated_at = ?
         WHERE account_id = ? AND block_public_acls IS NOT NULL`,
      ),
    };
  }

  createAccountWithRootKey(input: { displayName: string; email: string }): { account: Account; rootKey: NewAccessKey } {
    return this.#db
      .transaction(() => {
        const holder = this.#stmts.emailTaken.get(input.email) as string | undefined;
        if (holder !== undefined) throw new AccountError('email-taken', `the e-mail address ${input.email} is already used by account ${holder}`);
        this.#checkMasterKey();
        const account: Account = {
          accountId: this.#freshAccountId(),
          canonicalId: generateCanonicalId(),
          displayName: input.displayName,
          email: input.email,
        };
        const createdAt = this.#now();
        this.#stmts.insertAccount.run(account.accountId, account.canonicalId, account.displayName, account.email, createdAt);
        const accessKeyId = generateAccessKeyId('AKIA');
        const secretAccessKey = generateSecretAccessKey();
        this.#stmts.insertRootKey.run(accessKeyId, account.accountId, this.#box.seal(secretAccessKey, accessKeyId), createdAt);
        const rootKey: NewAccessKey = { accessKeyId, accountId: account.accountId, userName: undefined, status: 'Active', createdAt, secretAccessKey };
        return { account, rootKey };
      })
      .immediate();
  }

  listAccountSummaries(): AccountSummary[] {
    return (this.#stmts.summaries.all() as SummaryRow[]).map((r) => ({
      account: { accountId: r.account_id, canonicalId: r.canonical_id, displayName: r.display_name, email: r.email },
      isDefault: r.is_default === 1,
      createdAt: r.created_at,
      accessKeys: r.access_keys,
      rootAccessKeys: r.root_access_keys,
    }));
  }

  getPublicAccessBlock(accountId: string): PublicAccessBlock | undefined {
    const row = this.#stmts.getBpa.get(accountId) as BpaRow | undefined;
    if (row === undefined || row.block_public_acls === null) return undefined;
    return {
      blockPublicAcls: row.block_public_acls === 1,
      ignorePublicAcls: row.ignore_public_acls === 1,
      blockPublicPolicy: row.block_public_policy === 1,
      restrictPublicBuckets: row.restrict_public_buckets === 1,
    };
  }

  putPublicAccessBlock(accountId: string, config: PublicAccessBlock): void {
    this.#db
      .transaction(() => {
        if (this.#stmts.accountExists.get(accountId) === undefined) throw noSuchAccount(accountId);
        const bit = (on: boolean) => (on ? 1 : 0);
        this.#stmts.putBpa.run(
          accountId,
          bit(config.blockPublicAcls),
          bit(config.ignorePublicAcls),
          bit(config.blockPublicPolicy),
          bit(config.restrictPublicBuckets),
          this.#now(),
        );
      })
      .immediate();
  }

  deletePublicAccessBlock(accountId: string): boolean {
    return this.#db
      .transaction(() => {
        if (this.#stmts.accountExists.get(accountId) === undefined) throw noSuchAccount(accountId);
        return this.#stmts.deleteBpa.run(this.#now(), accountId).changes > 0;
      })
      .immediate();
  }

  /**
   * A secret sealed under another master key would never open in the server (every request
   * with the new key would fail obscurely): prove the key opens one that is already here.
   */
  #checkMasterKey(): void {
    const row = this.#stmts.anySealedKey.get() as { access_key_id: string; secret_sealed: Buffer } | undefined;
    if (row === undefined) return;
    try {
      this.#box.open(row.secret_sealed, row.access_key_id);
    } catch {
      throw new AccountError(
        'wrong-master-key',
        'the master key does not open the secrets in this data directory (is COFFER_MASTER_KEY set for the server but not here, or the other way round?)',
      );
    }
  }

  /** 12 random digits; one in a trillion collides, and then we draw again rather than fail. */
  #freshAccountId(): string {
    for (;;) {
      const id = generateAccountId();
      if (this.#stmts.accountExists.get(id) === undefined) return id;
    }
  }
}
