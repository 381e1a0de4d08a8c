/**
 * Access keys through the IAM API (access_keys): keys of IAM users and of the account root, at
 * most two per owner, secrets sealed at rest and returned only by `create`. Status changes and
 * deletions are seen by the very next `resolve()`, which reads the row on every request.
 */
import type Database from 'better-sqlite3';
import type { AccessKeyLastUsed, AccessKeyMetadata } from '../iam-entities.ts';
import { noSuchAccessKey, quotaExceeded } from '../iam-error.ts';
import { generateAccessKeyId, generateSecretAccessKey } from '../generate-credentials.ts';
import type { UserAccessKeyStore } from '../iam-store.ts';
import type { SecretBox } from '../secret-box.ts';
import { EntityLookup, QUOTAS } from './entity-lookup.ts';
import { count } from './sqlite-users.ts';

interface KeyRow {
  access_key_id: string;
  account_id: string;
  user_id: string | null;
  user_name: string | null;
  status: 'Active' | 'Inactive';
  created_at: number;
  last_used_at: number | null;
  last_used_service: string | null;
  last_used_region: string | null;
}

const SELECT = `SELECT k.access_key_id, k.account_id, k.user_id, u.user_name, k.status, k.created_at, k.last_used_at, k.last_used_service, k.last_used_region
  FROM access_keys k LEFT JOIN iam_users u ON u.user_id = k.user_id`;

export class SqliteUserAccessKeys implements UserAccessKeyStore {
  readonly #db: Database.Database;
  readonly #now: () => number;
  readonly #box: SecretBox;
  readonly #lookup: EntityLookup;
  readonly #forget: (accessKeyId: string) => void;
  readonly #stmts;

  constructor(options: { db: Database.Database; now: () => number; box: SecretBox; lookup: EntityLookup; forget: (accessKeyId: string) => void }) {
    this.#db = options.db;
    this.#now = options.now;
    this.#box = options.box;
    this.#lookup = options.lookup;
    this.#forget = options.forget;
    const db = options.db;
    this.#stmts = {
      countOwned: db.prepare('SELECT count(*) AS n FROM access_keys WHERE account_id = ? AND user_id IS ?'),
      insert: db.prepare(
        'INSERT INTO access_keys (access_key_id, account_id, user_name, user_id, secret_sealed, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      owned: db.prepare(`${SELECT} WHERE k.account_id = ? AND k.user_id IS ? ORDER BY k.created_at, k.access_key_id`),
      one: db.prepare(`${SELECT} WHERE k.access_key_id = ? AND k.account_id = ?`),
      status: db.prepare('UPDATE access_keys SET status = ? WHERE access_key_id = ?'),
      delete: db.prepare('DELETE FROM access_keys WHERE access_key_id = ?'),
    };
  }

  async create(accountId: string, userName: string | undefined): Promise<AccessKeyMetadata & { secretAccessKey: string }> {
    return this.#db.transaction(() => {
      const owner = this.#owner(accountId, userName);
      if (count(this.#stmts.countOwned, accountId, owner.userId) >= QUOTAS.accessKeysPerUser) {
        throw quotaExceeded('AccessKeysPerUser', QUOTAS.accessKeysPerUser);
      }
      const accessKeyId = generateAccessKeyId('AKIA');
      const secretAccessKey = generateSecretAccessKey();
      const createdAt = this.#now();
      const sealed = this.#box.seal(secretAccessKey, accessKeyId);
      this.#stmts.insert.run(accessKeyId, accountId, owner.userName ?? null, owner.userId, sealed, 'Active', createdAt);
      return { accessKeyId, accountId, userName: owner.userName, status: 'Active' as const, createdAt, secretAccessKey };
    })();
  }

  async list(accountId: string, userName: string | undefined): Promise<AccessKeyMetadata[]> {
    const owner = this.#owner(accountId, userName);
    return (this.#stmts.owned.all(accountId, owner.userId) as KeyRow[]).map(toMetadata);
  }

  async setStatus(accountId: string, userName: string | undefined, accessKeyId: string, status: 'Active' | 'Inactive'): Promise<void> {
    this.#db.transaction(() => {
      this.#ownedKey(accountId, userName, accessKeyId);
      this.#stmts.status.run(status, accessKeyId);
    })();
  }

  async delete(accountId: string, userName: string | undefined, accessKeyId: string): Promise<void> {
    this.#db.transaction(() => {
      this.#ownedKey(accountId, userName, accessKeyId);
      this.#stmts.delete.run(accessKeyId);
    })();
    this.#forget(accessKeyId);
  }

  async lastUsed(accountId: string, accessKeyId: string): Promise<AccessKeyLastUsed> {
    const row = this.#stmts.one.get(accessKeyId, accountId) as KeyRow | undefined;
    if (row === undefined) throw noSuchAccessKey(accessKeyId);
    return {
      userName: row.user_name ?? undefined,
      lastUsedAt: row.last_used_at ?? undefined,
      serviceName: row.last_used_service ?? undefined,
      region: row.last_used_region ?? undefined,
    };
  }

  /** The root (userName undefined) or the named user; NoSuchEntity for an unknown user. */
  #owner(accountId: string, userName: string | undefined): { userId: string | null; userName: string | undefined } {
    if (userName === undefined) return { userId: null, userName: undefined };
    const user = this.#lookup.requireUser(accountId, userName);
    return { userId: user.user_id, userName: user.user_name };
  }

  #ownedKey(accountId: string, userName: string | undefined, accessKeyId: string): KeyRow {
    const owner = this.#owner(accountId, userName);
    const row = this.#stmts.one.get(accessKeyId, accountId) as KeyRow | undefined;
    if (row === undefined || row.user_id !== owner.userId) throw noSuchAccessKey(accessKeyId);
    return row;
  }
}

function toMetadata(row: KeyRow): AccessKeyMetadata {
  return {
    accessKeyId: row.access_key_id,
    accountId: row.account_id,
    userName: row.user_name ?? undefined,
    status: row.status,
    createdAt: row.created_at,
  };
}
