/** IAM groups (iam_groups) and their members (iam_group_members). */
import type Database from 'better-sqlite3';
import type { Group, User } from '../iam-entities.ts';
import { deleteConflict, entityAlreadyExists, notAMember, quotaExceeded } from '../iam-error.ts';
import { generateUniqueId } from '../generate-credentials.ts';
import type { GroupStore, Paged } from '../iam-store.ts';
import { EntityLookup, PATH_PREFIX, QUOTAS } from './entity-lookup.ts';
import { BY_NAME, toGroup, toUser, type GroupRow, type UserRow } from './iam-rows.ts';
import { count } from './sqlite-users.ts';

export class SqliteGroups implements GroupStore {
  readonly #db: Database.Database;
  readonly #now: () => number;
  readonly #lookup: EntityLookup;
  readonly #stmts;

  constructor(db: Database.Database, now: () => number, lookup: EntityLookup) {
    this.#db = db;
    this.#now = now;
    this.#lookup = lookup;
    this.#stmts = {
      count: db.prepare('SELECT count(*) AS n FROM iam_groups WHERE account_id = ?'),
      insert: db.prepare('INSERT INTO iam_groups (group_id, account_id, group_name, path, created_at) VALUES (?, ?, ?, ?, ?)'),
      list: db.prepare(`SELECT * FROM iam_groups WHERE account_id = @account AND ${PATH_PREFIX} ${BY_NAME('group_name')}`),
      members: db.prepare(
        `SELECT u.* FROM iam_group_members m JOIN iam_users u ON u.user_id = m.user_id WHERE m.group_id = ? ${BY_NAME('u.user_name')}`,
      ),
      groupsOf: db.prepare(
        `SELECT g.* FROM iam_group_members m JOIN iam_groups g ON g.group_id = m.group_id WHERE m.user_id = ? ${BY_NAME('g.group_name')}`,
      ),
      membership: db.prepare('SELECT count(*) AS n FROM iam_group_members WHERE group_id = ? AND user_id = ?'),
      membershipsOf: db.prepare('SELECT count(*) AS n FROM iam_group_members WHERE user_id = ?'),
      memberCount: db.prepare('SELECT count(*) AS n FROM iam_group_members WHERE group_id = ?'),
      add: db.prepare('INSERT INTO iam_group_members (group_id, user_id, added_at) VALUES (?, ?, ?)'),
      remove: db.prepare('DELETE FROM iam_group_members WHERE group_id = ? AND user_id = ?'),
      inline: db.prepare('SELECT count(*) AS n FROM iam_inline_policies WHERE owner_id = ?'),
      attached: db.prepare('SELECT count(*) AS n FROM iam_policy_attachments WHERE entity_id = ?'),
      delete: db.prepare('DELETE FROM iam_groups WHERE group_id = ?'),
    };
  }

  async create(input: { accountId: string; groupName: string; path: string }): Promise<Group> {
    return this.#db.transaction(() => {
      if (this.#lookup.group(input.accountId, input.groupName) !== undefined) throw entityAlreadyExists('group', input.groupName);
      if (count(this.#stmts.count, input.accountId) >= QUOTAS.groupsPerAccount) throw quotaExceeded('GroupsPerAccount', QUOTAS.groupsPerAccount);
      const row: GroupRow = {
        group_id: generateUniqueId('AGPA'),
        account_id: input.accountId,
        group_name: input.groupName,
        path: input.path,
        created_at: this.#now(),
      };
      this.#stmts.insert.run(row.group_id, row.account_id, row.group_name, row.path, row.created_at);
      return toGroup(row);
    })();
  }

  async get(accountId: string, groupName: string): Promise<Group | undefined> {
    const row = this.#lookup.group(accountId, groupName);
    return row && toGroup(row);
  }

  async list(accountId: string, options: Paged = {}): Promise<Group[]> {
    return (this.#stmts.list.all({ account: accountId, prefix: options.pathPrefix ?? '/' }) as GroupRow[]).map(toGroup);
  }

  async members(accountId: string, groupName: string): Promise<User[]> {
    const group = this.#lookup.requireGroup(accountId, groupName);
    return (this.#stmts.members.all(group.group_id) as UserRow[]).map(toUser);
  }

  async groupsForUser(accountId: string, userName: string): Promise<Group[]> {
    const user = this.#lookup.requireUser(accountId, userName);
    return (this.#stmts.groupsOf.all(user.user_id) as GroupRow[]).map(toGroup);
  }

  async addUser(accountId: string, groupName: string, userName: string): Promise<void> {
    this.#db.transaction(() => {
      const group = this.#lookup.requireGroup(accountId, groupName);
      const user = this.#lookup.requireUser(accountId, userName);
      if (count(this.#stmts.membership, group.group_id, user.user_id) > 0) return;
      if (count(this.#stmts.membershipsOf, user.user_id) >= QUOTAS.groupsPerUser) throw quotaExceeded('GroupsPerUser', QUOTAS.groupsPerUser);
      this.#stmts.add.run(group.group_id, user.user_id, this.#now());
    })();
  }

  async removeUser(accountId: string, groupName: string, userName: string): Promise<void> {
    this.#db.transaction(() => {
      const group = this.#lookup.requireGroup(accountId, groupName);
      const user = this.#lookup.requireUser(accountId, userName);
      if (this.#stmts.remove.run(group.group_id, user.user_id).changes === 0) throw notAMember(user.user_name, group.group_name);
    })();
  }

  async delete(accountId: string, groupName: string): Promise<void> {
    this.#db.transaction(() => {
      const { group_id: id } = this.#lookup.requireGroup(accountId, groupName);
      if (count(this.#stmts.memberCount, id) > 0) throw deleteConflict('remove users from group');
      if (count(this.#stmts.inline, id) > 0) throw deleteConflict('delete policies');
      if (count(this.#stmts.attached, id) > 0) throw deleteConflict('detach all policies');
      this.#stmts.delete.run(id);
    })();
  }
}
