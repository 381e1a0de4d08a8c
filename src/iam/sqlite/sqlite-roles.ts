/** IAM roles (iam_roles): trust policy, description, MaxSessionDuration, boundary, tags. */
import type Database from 'better-sqlite3';
import type { Role, Tag } from '../iam-entities.ts';
import { deleteConflict, entityAlreadyExists, quotaExceeded } from '../iam-error.ts';
import { generateUniqueId } from '../generate-credentials.ts';
import type { Paged, RoleStore } from '../iam-store.ts';
import { EntityLookup, PATH_PREFIX, QUOTAS } from './entity-lookup.ts';
import { BY_NAME, toRole, type RoleRow } from './iam-rows.ts';
import { count } from './sqlite-users.ts';

export const DEFAULT_MAX_SESSION_DURATION = 3600;

export class SqliteRoles implements RoleStore {
  readonly #db: Database.Database;
  readonly #now: () => number;
  readonly #lookup: EntityLookup;
  readonly #stmts;

  constructor(db: Database.Database, now: () => number, lookup: EntityLookup) {
    this.#db = db;
    this.#now = now;
    this.#lookup = lookup;
    this.#stmts = {
      count: db.prepare('SELECT count(*) AS n FROM iam_roles WHERE account_id = ?'),
      insert: db.prepare(
        `INSERT INTO iam_roles (role_id, account_id, role_name, path, created_at, trust_policy, description, max_session_duration, permissions_boundary, tags)
         VALUES (@role_id, @account_id, @role_name, @path, @created_at, @trust_policy, @description, @max_session_duration, @permissions_boundary, @tags)`,
      ),
      list: db.prepare(`SELECT * FROM iam_roles WHERE account_id = @account AND ${PATH_PREFIX} ${BY_NAME('role_name')}`),
      update: db.prepare('UPDATE iam_roles SET description = ?, max_session_duration = ? WHERE role_id = ?'),
      trust: db.prepare('UPDATE iam_roles SET trust_policy = ? WHERE role_id = ?'),
      inline: db.prepare('SELECT count(*) AS n FROM iam_inline_policies WHERE owner_id = ?'),
      attached: db.prepare('SELECT count(*) AS n FROM iam_policy_attachments WHERE entity_id = ?'),
      delete: db.prepare('DELETE FROM iam_roles WHERE role_id = ?'),
    };
  }

  async create(input: {
    accountId: string;
    roleName: string;
    path: string;
    assumeRolePolicyDocument: string;
    description?: string;
    maxSessionDuration?: number;
    permissionsBoundary?: string;
    tags?: Tag[];
  }): Promise<Role> {
    return this.#db.transaction(() => {
      if (this.#lookup.role(input.accountId, input.roleName) !== undefined) throw entityAlreadyExists('role', input.roleName);
      if (count(this.#stmts.count, input.accountId) >= QUOTAS.rolesPerAccount) throw quotaExceeded('RolesPerAccount', QUOTAS.rolesPerAccount);
      const row: RoleRow = {
        role_id: generateUniqueId('AROA'),
        account_id: input.accountId,
        role_name: input.roleName,
        path: input.path,
        created_at: this.#now(),
        trust_policy: input.assumeRolePolicyDocument,
        description: input.description ?? null,
        max_session_duration: input.maxSessionDuration ?? DEFAULT_MAX_SESSION_DURATION,
        permissions_boundary: input.permissionsBoundary ?? null,
        tags: JSON.stringify(input.tags ?? []),
      };
      this.#stmts.insert.run(row);
      return toRole(row);
    })();
  }

  async get(accountId: string, roleName: string): Promise<Role | undefined> {
    const row = this.#lookup.role(accountId, roleName);
    return row && toRole(row);
  }

  async list(accountId: string, options: Paged = {}): Promise<Role[]> {
    return (this.#stmts.list.all({ account: accountId, prefix: options.pathPrefix ?? '/' }) as RoleRow[]).map(toRole);
  }

  async update(accountId: string, roleName: string, changes: { description?: string; maxSessionDuration?: number }): Promise<void> {
    this.#db.transaction(() => {
      const row = this.#lookup.requireRole(accountId, roleName);
      this.#stmts.update.run(changes.description ?? row.description, changes.maxSessionDuration ?? row.max_session_duration, row.role_id);
    })();
  }

  async updateAssumeRolePolicy(accountId: string, roleName: string, document: string): Promise<void> {
    this.#db.transaction(() => {
      const row = this.#lookup.requireRole(accountId, roleName);
      this.#stmts.trust.run(document, row.role_id);
    })();
  }

  async delete(accountId: string, roleName: string): Promise<void> {
    this.#db.transaction(() => {
      const { role_id: id } = this.#lookup.requireRole(accountId, roleName);
      if (count(this.#stmts.inline, id) > 0) throw deleteConflict('delete policies');
      if (count(this.#stmts.attached, id) > 0) throw deleteConflict('detach all policies');
      this.#stmts.delete.run(id);
    })();
  }
}
