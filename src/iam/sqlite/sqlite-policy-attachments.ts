/**
 * Managed policies attached to users, groups and roles (iam_policy_attachments), and the
 * permissions boundaries of users and roles (a policy ARN on the entity's row).
 */
import type Database from 'better-sqlite3';
import type { EntityKind, EntityRef } from '../iam-entities.ts';
import { noSuchPolicy, policyNotAttachable, quotaExceeded } from '../iam-error.ts';
import type { AttachedPolicy, Paged, PermissionsBoundaryStore, PolicyAttachmentStore, PolicyEntities } from '../iam-store.ts';
import { EntityLookup, QUOTAS } from './entity-lookup.ts';
import { count } from './sqlite-users.ts';

const QUOTA_NAME: Record<EntityKind, string> = { user: 'PoliciesPerUser', group: 'PoliciesPerGroup', role: 'PoliciesPerRole' };

export class SqlitePolicyAttachments implements PolicyAttachmentStore, PermissionsBoundaryStore {
  readonly #db: Database.Database;
  readonly #now: () => number;
  readonly #lookup: EntityLookup;
  readonly #stmts;

  constructor(db: Database.Database, now: () => number, lookup: EntityLookup) {
    this.#db = db;
    this.#now = now;
    this.#lookup = lookup;
    const prefix = 'substr(x.path, 1, length(@prefix)) = @prefix';
    this.#stmts = {
      policy: db.prepare('SELECT policy_id, policy_name FROM iam_policies WHERE arn = ? AND (account_id = ? OR account_id IS NULL)'),
      attached: db.prepare('SELECT 1 FROM iam_policy_attachments WHERE entity_id = ? AND policy_id = ?'),
      countFor: db.prepare('SELECT count(*) AS n FROM iam_policy_attachments WHERE entity_id = ?'),
      attach: db.prepare('INSERT INTO iam_policy_attachments (entity_id, entity_kind, policy_id, account_id, attached_at) VALUES (?, ?, ?, ?, ?)'),
      detach: db.prepare('DELETE FROM iam_policy_attachments WHERE entity_id = ? AND policy_id = ?'),
      listAttached: db.prepare(
        `SELECT x.policy_name, x.arn FROM iam_policy_attachments a JOIN iam_policies x ON x.policy_id = a.policy_id
         WHERE a.entity_id = @entity AND ${prefix} ORDER BY x.policy_name COLLATE NOCASE, x.policy_name`,
      ),
      attachedUsers: db.prepare(
        `SELECT x.user_name AS name, x.user_id AS id FROM iam_policy_attachments a JOIN iam_users x ON x.user_id = a.entity_id
         WHERE a.policy_id = @policy AND a.account_id = @account AND ${prefix} ORDER BY x.user_name COLLATE NOCASE`,
      ),
      attachedGroups: db.prepare(
        `SELECT x.group_name AS name, x.group_id AS id FROM iam_policy_attachments a JOIN iam_groups x ON x.group_id = a.entity_id
         WHERE a.policy_id = @policy AND a.account_id = @account AND ${prefix} ORDER BY x.group_name COLLATE NOCASE`,
      ),
      attachedRoles: db.prepare(
        `SELECT x.role_name AS name, x.role_id AS id FROM iam_policy_attachments a JOIN iam_roles x ON x.role_id = a.entity_id
         WHERE a.policy_id = @policy AND a.account_id = @account AND ${prefix} ORDER BY x.role_name COLLATE NOCASE`,
      ),
      boundaryUsers: db.prepare(
        `SELECT x.user_name AS name, x.user_id AS id FROM iam_users x WHERE x.account_id = @account AND x.permissions_boundary = @arn AND ${prefix}
         ORDER BY x.user_name COLLATE NOCASE`,
      ),
      boundaryRoles: db.prepare(
        `SELECT x.role_name AS name, x.role_id AS id FROM iam_roles x WHERE x.account_id = @account AND x.permissions_boundary = @arn AND ${prefix}
         ORDER BY x.role_name COLLATE NOCASE`,
      ),
      userBoundary: db.prepare('UPDATE iam_users SET permissions_boundary = ? WHERE user_id = ?'),
      roleBoundary: db.prepare('UPDATE iam_roles SET permissions_boundary = ? WHERE role_id = ?'),
    };
  }

  async attach(entity: EntityRef, policyArn: string): Promise<void> {
    this.#db.transaction(() => {
      const target = this.#lookup.require(entity);
      const policy = this.#policy(entity.accountId, policyArn);
      if (policy === undefined) throw policyNotAttachable(policyArn);
      if (this.#stmts.attached.get(target.id, policy.policy_id) !== undefined) return;
      if (count(this.#stmts.countFor, target.id) >= QUOTAS.attachedPoliciesPerEntity) {
        throw quotaExceeded(QUOTA_NAME[entity.kind], QUOTAS.attachedPoliciesPerEntity);
      }
      this.#stmts.attach.run(target.id, entity.kind, policy.policy_id, entity.accountId, this.#now());
    })();
  }

  async detach(entity: EntityRef, policyArn: string): Promise<void> {
    this.#db.transaction(() => {
      const target = this.#lookup.require(entity);
      const policy = this.#policy(entity.accountId, policyArn);
      if (policy === undefined || this.#stmts.detach.run(target.id, policy.policy_id).changes === 0) throw noSuchPolicy(policyArn);
    })();
  }

  async listAttached(entity: EntityRef, options: Paged = {}): Promise<AttachedPolicy[]> {
    const target = this.#lookup.require(entity);
    const rows = this.#stmts.listAttached.all({ entity: target.id, prefix: options.pathPrefix ?? '/' }) as Array<{ policy_name: string; arn: string }>;
    return rows.map((r) => ({ policyName: r.policy_name, policyArn: r.arn }));
  }

  async entitiesForPolicy(
    accountId: string,
    policyArn: string,
    options: Paged & { kinds?: readonly EntityKind[]; usage?: 'PermissionsPolicy' | 'PermissionsBoundary' } = {},
  ): Promise<PolicyEntities> {
    const policy = this.#policy(accountId, policyArn);
    if (policy === undefined) throw noSuchPolicy(policyArn);
    const kinds = new Set(options.kinds ?? ['user', 'group', 'role']);
    const args = { policy: policy.policy_id, account: accountId, arn: policyArn, prefix: options.pathPrefix ?? '/' };
    const boundary = options.usage === 'PermissionsBoundary';
    const rows = (kind: EntityKind, stmt: Database.Statement | undefined) =>
      kinds.has(kind) && stmt !== undefined ? (stmt.all(args) as Array<{ name: string; id: string }>) : [];
    const policyUse = options.usage !== 'PermissionsBoundary';
    return {
      users: [...(policyUse ? rows('user', this.#stmts.attachedUsers) : []), ...(boundary ? rows('user', this.#stmts.boundaryUsers) : [])].map(
        (r) => ({ userName: r.name, userId: r.id }),
      ),
      groups: (policyUse ? rows('group', this.#stmts.attachedGroups) : []).map((r) => ({ groupName: r.name, groupId: r.id })),
      roles: [...(policyUse ? rows('role', this.#stmts.attachedRoles) : []), ...(boundary ? rows('role', this.#stmts.boundaryRoles) : [])].map(
        (r) => ({ roleName: r.name, roleId: r.id }),
      ),
    };
  }

  async set(entity: { kind: 'user' | 'role'; accountId: string; name: string }, policyArn: string | undefined): Promise<void> {
    this.#db.transaction(() => {
      const target = this.#lookup.require(entity);
      if (policyArn !== undefined && this.#policy(entity.accountId, policyArn) === undefined) throw policyNotAttachable(policyArn);
      (entity.kind === 'user' ? this.#stmts.userBoundary : this.#stmts.roleBoundary).run(policyArn ?? null, target.id);
    })();
  }

  /** Whether `policyArn` names a policy `accountId` may attach: its own, or an AWS managed one. */
  policyExists(accountId: string, policyArn: string): boolean {
    return this.#policy(accountId, policyArn) !== undefined;
  }

  #policy(accountId: string, policyArn: string): { policy_id: string; policy_name: string } | undefined {
    return this.#stmts.policy.get(policyArn, accountId) as { policy_id: string; policy_name: string } | undefined;
  }
}
