/**
 * The IAM store on the identity database: one object per entity family sharing the connection,
 * and the reader STS and the authorizer use (identity policies, boundaries, roles by ARN, OIDC
 * providers). Built by SqliteIdentityStore, which owns the connection and the secret box.
 */
import type Database from 'better-sqlite3';
import type { OpenIdConnectProvider, PolicyDocumentRef, Role, User } from '../iam-entities.ts';
import { issuerPath, oidcProviderArn, parseIamArn } from '../iam-arns.ts';
import type { IamStore } from '../iam-store.ts';
import type { SecretBox } from '../secret-box.ts';
import { EntityLookup } from './entity-lookup.ts';
import { toRole, toUser, type RoleRow, type UserRow } from './iam-rows.ts';
import { seedAwsManagedPolicies } from './seed-aws-managed-policies.ts';
import { SqliteGroups } from './sqlite-groups.ts';
import { SqliteInlinePolicies } from './sqlite-inline-policies.ts';
import { SqliteManagedPolicies } from './sqlite-managed-policies.ts';
import { SqliteOidcProviders } from './sqlite-oidc-providers.ts';
import { SqlitePolicyAttachments } from './sqlite-policy-attachments.ts';
import { SqliteRoles } from './sqlite-roles.ts';
import { SqliteUserAccessKeys } from './sqlite-user-access-keys.ts';
import { SqliteUsers } from './sqlite-users.ts';
import { ReadCache } from '../../storage/sqlite/read-cache.ts';

interface InlineRow {
  owner_name: string;
  policy_name: string;
  document: string;
}
interface ManagedRow {
  arn: string;
  default_version: string;
  document: string;
}

const MANAGED_DOC = `SELECT x.arn, x.default_version, v.document FROM iam_policies x
  JOIN iam_policy_versions v ON v.policy_id = x.policy_id AND v.version_id = x.default_version`;

export class SqliteIamStore implements IamStore {
  readonly users: SqliteUsers;
  readonly groups: SqliteGroups;
  readonly roles: SqliteRoles;
  readonly inlinePolicies: SqliteInlinePolicies;
  readonly managedPolicies: SqliteManagedPolicies;
  readonly attachments: SqlitePolicyAttachments;
  readonly permissionsBoundaries: SqlitePolicyAttachments;
  readonly accessKeys: SqliteUserAccessKeys;
  readonly openIdConnectProviders: SqliteOidcProviders;
  readonly #lookup: EntityLookup;
  readonly #stmts;
  /** What the authorizer reads for a principal on every request; any IAM change empties them. */
  readonly #policiesOf: ReadCache<PolicyDocumentRef[]>;
  readonly #boundaryOf: ReadCache<{ ref: PolicyDocumentRef | undefined }>;

  constructor(options: { db: Database.Database; now: () => number; box: SecretBox; forgetKey: (accessKeyId: string) => void }) {
    const { db, now } = options;
    seedAwsManagedPolicies(db);
    this.#policiesOf = new ReadCache(db, { invalidateOn: 'any-write' });
    this.#boundaryOf = new ReadCache(db, { invalidateOn: 'any-write' });
    const lookup = new EntityLookup(db);
    this.#lookup = lookup;
    this.users = new SqliteUsers(db, now, lookup);
    this.groups = new SqliteGroups(db, now, lookup);
    this.roles = new SqliteRoles(db, now, lookup);
    this.inlinePolicies = new SqliteInlinePolicies(db, lookup);
    this.managedPolicies = new SqliteManagedPolicies(db, now);
    this.attachments = new SqlitePolicyAttachments(db, now, lookup);
    this.permissionsBoundaries = this.attachments;
    this.accessKeys = new SqliteUserAccessKeys({ db, now, box: options.box, lookup, forget: options.forgetKey });
    this.openIdConnectProviders = new SqliteOidcProviders(db, now);
    this.#stmts = {
      accountCreated: db.prepare('SELECT created_at FROM accounts WHERE account_id = ?'),
      userById: db.prepare('SELECT * FROM iam_users WHERE user_id = ?'),
      roleById: db.prepare('SELECT * FROM iam_roles WHERE role_id = ?'),
      inline: db.prepare(
        `SELECT ? AS owner_name, policy_name, document FROM iam_inline_policies WHERE owner_id = ? ORDER BY policy_name COLLATE NOCASE, policy_name`,
      ),
      attached: db.prepare(`${MANAGED_DOC} JOIN iam_policy_attachments a ON a.policy_id = x.policy_id WHERE a.entity_id = ? ORDER BY x.policy_name COLLATE NOCASE`),
      groupInline: db.prepare(
        `SELECT g.group_name AS owner_name, p.policy_name, p.document FROM iam_group_members m
         JOIN iam_groups g ON g.group_id = m.group_id JOIN iam_inline_policies p ON p.owner_id = g.group_id
         WHERE m.user_id = ? ORDER BY g.group_name COLLATE NOCASE, p.policy_name COLLATE NOCASE`,
      ),
      groupAttached: db.prepare(
        `${MANAGED_DOC} JOIN iam_policy_attachments a ON a.policy_id = x.policy_id JOIN iam_group_members m ON m.group_id = a.entity_id
         WHERE m.user_id = ? GROUP BY x.policy_id ORDER BY x.policy_name COLLATE NOCASE`,
      ),
      managed: db.prepare(`${MANAGED_DOC} WHERE x.arn = ? AND (x.account_id = ? OR x.account_id IS NULL)`),
    };
  }

  async accountCreatedAt(accountId: string): Promise<number | undefined> {
    return (this.#stmts.accountCreated.get(accountId) as { created_at: number } | undefined)?.created_at;
  }

  async getUser(accountId: string, userName: string): Promise<User | undefined> {
    return this.users.get(accountId, userName);
  }
  async getUserById(userId: string): Promise<User | undefined> {
    const row = this.#stmts.userById.get(userId) as UserRow | undefined;
    return row && toUser(row);
  }
  async getRole(accountId: string, roleName: string): Promise<Role | undefined> {
    return this.roles.get(accountId, roleName);
  }
  async getRoleById(roleId: string): Promise<Role | undefined> {
    const row = this.#stmts.roleById.get(roleId) as RoleRow | undefined;
    return row && toRole(row);
  }
  async getRoleByArn(arn: string): Promise<Role | undefined> {
    const parsed = parseIamArn(arn);
    if (parsed === undefined || parsed.type !== 'role' || parsed.accountId === 'aws') return undefined;
    const row = this.#lookup.role(parsed.accountId, parsed.name);
    const role = row && toRole(row);
    return role?.arn === arn ? role : undefined;
  }

  async identityPolicies(principal: { userId: string } | { roleId: string }): Promise<PolicyDocumentRef[]> {
    const key = 'userId' in principal ? `u:${principal.userId}` : `r:${principal.roleId}`;
    return this.#policiesOf.get(key, () => this.#readIdentityPolicies(principal))!;
  }

  #readIdentityPolicies(principal: { userId: string } | { roleId: string }): PolicyDocumentRef[] {
    if ('userId' in principal) {
      const user = this.#stmts.userById.get(principal.userId) as UserRow | undefined;
      if (user === undefined) return [];
      return [
        ...this.#inline('user', user.user_name, user.user_id),
        ...this.#managed(this.#stmts.attached.all(user.user_id) as ManagedRow[]),
        ...(this.#stmts.groupInline.all(user.user_id) as InlineRow[]).map((r) => inlineRef('group', r)),
        ...this.#managed(this.#stmts.groupAttached.all(user.user_id) as ManagedRow[]),
      ];
    }
    const role = this.#stmts.roleById.get(principal.roleId) as RoleRow | undefined;
    if (role === undefined) return [];
    return [...this.#inline('role', role.role_name, role.role_id), ...this.#managed(this.#stmts.attached.all(role.role_id) as ManagedRow[])];
  }

  async permissionsBoundary(principal: { userId: string } | { roleId: string }): Promise<PolicyDocumentRef | undefined> {
    const key = 'userId' in principal ? `u:${principal.userId}` : `r:${principal.roleId}`;
    return this.#boundaryOf.get(key, () => {
      const row = (
        'userId' in principal ? this.#stmts.userById.get(principal.userId) : this.#stmts.roleById.get(principal.roleId)
      ) as (UserRow | RoleRow) | undefined;
      return { ref: row?.permissions_boundary == null ? undefined : this.#managedDocument(row.account_id, row.permissions_boundary) };
    })!.ref;
  }

  async managedPolicyDocument(accountId: string, policyArn: string): Promise<PolicyDocumentRef | undefined> {
    return this.#managedDocument(accountId, policyArn);
  }

  #managedDocument(accountId: string, policyArn: string): PolicyDocumentRef | undefined {
    const row = this.#stmts.managed.get(policyArn, accountId) as ManagedRow | undefined;
    return row && this.#managed([row])[0];
  }

  async getOpenIdConnectProvider(arn: string): Promise<OpenIdConnectProvider | undefined> {
    return this.openIdConnectProviders.byArn(arn);
  }

  async findOpenIdConnectProvider(accountId: string, issuer: string): Promise<OpenIdConnectProvider | undefined> {
    return this.openIdConnectProviders.get(accountId, oidcProviderArn(accountId, issuerPath(issuer)));
  }

  #inline(kind: 'user' | 'role', name: string, id: string): PolicyDocumentRef[] {
    return (this.#stmts.inline.all(name, id) as InlineRow[]).map((r) => inlineRef(kind, r));
  }

  #managed(rows: ManagedRow[]): PolicyDocumentRef[] {
    return rows.map((r) => ({ source: 'managed', policyArn: r.arn, versionId: r.default_version, document: r.document }));
  }
}

function inlineRef(owner: 'user' | 'group' | 'role', row: InlineRow): PolicyDocumentRef {
  return { source: 'inline', owner, ownerName: row.owner_name, policyName: row.policy_name, document: row.document };
}
