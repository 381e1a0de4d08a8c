/** IAM users (iam_users): create, read, rename/move, delete with AWS's DeleteConflict checks. */
import type Database from 'better-sqlite3';
import type { Tag, User } from '../iam-entities.ts';
import { deleteConflict, entityAlreadyExists, quotaExceeded } from '../iam-error.ts';
import { generateUniqueId } from '../generate-credentials.ts';
import type { Paged, UserStore } from '../iam-store.ts';
import { EntityLookup, PATH_PREFIX, QUOTAS } from './entity-lookup.ts';
import { BY_NAME, toUser, type UserRow } from './iam-rows.ts';

export class SqliteUsers implements UserStore {
  readonly #db: Database.Database;
  readonly #now: () => number;
  readonly #lookup: EntityLookup;
  readonly #stmts;

  constructor(db: Database.Database, now: () => number, lookup: EntityLookup) {
    this.#db = db;
    this.#now = now;
    this.#lookup = lookup;
    this.#stmts = {
      count: db.prepare('SELECT count(*) AS n FROM iam_users WHERE account_id = ?'),
      insert: db.prepare(
        'INSERT INTO iam_users (user_id, account_id, user_name, path, created_at, permissions_boundary, tags) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      list: db.prepare(`SELECT * FROM iam_users WHERE account_id = @account AND ${PATH_PREFIX} ${BY_NAME('user_name')}`),
      rename: db.prepare('UPDATE iam_users SET user_name = ?, path = ? WHERE user_id = ?'),
      renameKeys: db.prepare('UPDATE access_keys SET user_name = ? WHERE user_id = ?'),
      keys: db.prepare('SELECT count(*) AS n FROM access_keys WHERE user_id = ?'),
      inline: db.prepare('SELECT count(*) AS n FROM iam_inline_policies WHERE owner_id = ?'),
      attached: db.prepare('SELECT count(*) AS n FROM iam_policy_attachments WHERE entity_id = ?'),
      groups: db.prepare('SELECT count(*) AS n FROM iam_group_members WHERE user_id = ?'),
      delete: db.prepare('DELETE FROM iam_users WHERE user_id = ?'),
    };
  }

  async create(input: { accountId: string; userName: string; path: string; permissionsBoundary?: string; tags?: Tag[] }): Promise<User> {
    return this.#db.transaction(() => {
      if (this.#lookup.user(input.accountId, input.userName) !== undefined) throw entityAlreadyExists('user', input.userName);
      if (count(this.#stmts.count, input.accountId) >= QUOTAS.usersPerAccount) throw quotaExceeded('UsersPerAccount', QUOTAS.usersPerAccount);
      const row: UserRow = {
        user_id: generateUniqueId('AIDA'),
        account_id: input.accountId,
        user_name: input.userName,
        path: input.path,
        created_at: this.#now(),
        permissions_boundary: input.permissionsBoundary ?? null,
        tags: JSON.stringify(input.tags ?? []),
      };
      this.#stmts.insert.run(row.user_id, row.account_id, row.user_name, row.path, row.created_at, row.permissions_boundary, row.tags);
      return toUser(row);
    })();
  }

  async get(accountId: string, userName: string): Promise<User | undefined> {
    const row = this.#lookup.user(accountId, userName);
    return row && toUser(row);
  }

  async list(accountId: string, options: Paged = {}): Promise<User[]> {
    return (this.#stmts.list.all({ account: accountId, prefix: options.pathPrefix ?? '/' }) as UserRow[]).map(toUser);
  }

  async update(accountId: string, userName: string, changes: { newUserName?: string; newPath?: string }): Promise<void> {
    this.#db.transaction(() => {
      const row = this.#lookup.requireUser(accountId, userName);
      const name = changes.newUserName ?? row.user_name;
      const other = this.#lookup.user(accountId, name);
      if (other !== undefined && other.user_id !== row.user_id) throw entityAlreadyExists('user', name);
      this.#stmts.rename.run(name, changes.newPath ?? row.path, row.user_id);
      this.#stmts.renameKeys.run(name, row.user_id);
    })();
  }

  async delete(accountId: string, userName: string): Promise<void> {
    this.#db.transaction(() => {
      const { user_id: id } = this.#lookup.requireUser(accountId, userName);
      // The order AWS reports them in (sts-iam.md §5.1).
      if (count(this.#stmts.keys, id) > 0) throw deleteConflict('delete access keys');
      if (count(this.#stmts.inline, id) > 0) throw deleteConflict('delete policies');
      if (count(this.#stmts.attached, id) > 0) throw deleteConflict('detach all policies');
      if (count(this.#stmts.groups, id) > 0) throw deleteConflict('remove user from all groups');
      this.#stmts.delete.run(id);
    })();
  }
}

export function count(stmt: Database.Statement, ...args: unknown[]): number {
  return (stmt.get(...args) as { n: number }).n;
}
