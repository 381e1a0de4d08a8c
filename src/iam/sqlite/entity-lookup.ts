/**
 * Finding a user, group or role by account and name (case-insensitively, as IAM does) with
 * prepared statements shared by the IAM tables' classes; `require*` throws AWS's NoSuchEntity.
 */
import type Database from 'better-sqlite3';
import type { EntityKind, EntityRef } from '../iam-entities.ts';
import { noSuchEntity } from '../iam-error.ts';
import type { GroupRow, RoleRow, UserRow } from './iam-rows.ts';

export class EntityLookup {
  readonly #user: Database.Statement;
  readonly #group: Database.Statement;
  readonly #role: Database.Statement;

  constructor(db: Database.Database) {
    this.#user = db.prepare('SELECT * FROM iam_users WHERE account_id = ? AND user_name = ? COLLATE NOCASE');
    this.#group = db.prepare('SELECT * FROM iam_groups WHERE account_id = ? AND group_name = ? COLLATE NOCASE');
    this.#role = db.prepare('SELECT * FROM iam_roles WHERE account_id = ? AND role_name = ? COLLATE NOCASE');
  }

  user(accountId: string, name: string): UserRow | undefined {
    return this.#user.get(accountId, name) as UserRow | undefined;
  }
  group(accountId: string, name: string): GroupRow | undefined {
    return this.#group.get(accountId, name) as GroupRow | undefined;
  }
  role(accountId: string, name: string): RoleRow | undefined {
    return this.#role.get(accountId, name) as RoleRow | undefined;
  }

  requireUser(accountId: string, name: string): UserRow {
    const row = this.user(accountId, name);
    if (row === undefined) throw noSuchEntity('user', name);
    return row;
  }
  requireGroup(accountId: string, name: string): GroupRow {
    const row = this.group(accountId, name);
    if (row === undefined) throw noSuchEntity('group', name);
    return row;
  }
  requireRole(accountId: string, name: string): RoleRow {
    const row = this.role(accountId, name);
    if (row === undefined) throw noSuchEntity('role', name);
    return row;
  }

  /** The unique id of the entity a reference names, and its canonical name; NoSuchEntity if none. */
  require(ref: EntityRef): { id: string; name: string; kind: EntityKind } {
    switch (ref.kind) {
      case 'user': {
        const row = this.requireUser(ref.accountId, ref.name);
        return { id: row.user_id, name: row.user_name, kind: 'user' };
      }
      case 'group': {
        const row = this.requireGroup(ref.accountId, ref.name);
        return { id: row.group_id, name: row.group_name, kind: 'group' };
      }
      case 'role': {
        const row = this.requireRole(ref.accountId, ref.name);
        return { id: row.role_id, name: row.role_name, kind: 'role' };
      }
    }
  }
}

/** `substr(path, 1, length(?)) = ?`: an exact, case-sensitive prefix (LIKE would fold case and treat `_` as a wildcard). */
export const PATH_PREFIX = `substr(path, 1, length(@prefix)) = @prefix`;

/** The account quotas of sts-iam.md §4.2 that the store enforces. */
export const QUOTAS = {
  usersPerAccount: 5000,
  groupsPerAccount: 300,
  rolesPerAccount: 1000,
  policiesPerAccount: 1500,
  groupsPerUser: 10,
  attachedPoliciesPerEntity: 10,
  accessKeysPerUser: 2,
  versionsPerPolicy: 5,
} as const;
