/**
 * Managed policies (iam_policies) and their versions (iam_policy_versions): customer policies
 * of an account and the AWS managed ones (account_id NULL) that every account sees. At most 5
 * versions, exactly one default; version ids are never reused (sts-iam.md §4.1).
 */
import type Database from 'better-sqlite3';
import type { ManagedPolicy, PolicyVersion, Tag } from '../iam-entities.ts';
import { policyArn } from '../iam-arns.ts';
import {
  awsManagedPolicyUnmodifiable,
  deleteConflictMessage,
  limitExceeded,
  noSuchPolicy,
  noSuchPolicyVersion,
  policyAlreadyExists,
  quotaExceeded,
} from '../iam-error.ts';
import { generateUniqueId } from '../generate-credentials.ts';
import type { ListPoliciesOptions, ManagedPolicyStore } from '../iam-store.ts';
import { MANAGED_POLICY_MAX, policySize } from '../policy-document/policy-size.ts';
import { QUOTAS } from './entity-lookup.ts';
import { tagsFromJson, toPolicyVersion, type PolicyRow, type PolicyVersionRow } from './iam-rows.ts';
import { count } from './sqlite-users.ts';

type CountedRow = PolicyRow & { attachment_count: number; boundary_count: number };

const COUNTED = `SELECT p.*,
  (SELECT count(*) FROM iam_policy_attachments a WHERE a.policy_id = p.policy_id AND a.account_id = @account) AS attachment_count,
  (SELECT count(*) FROM iam_users u WHERE u.account_id = @account AND u.permissions_boundary = p.arn)
    + (SELECT count(*) FROM iam_roles r WHERE r.account_id = @account AND r.permissions_boundary = p.arn) AS boundary_count
  FROM iam_policies p WHERE (p.account_id = @account OR p.account_id IS NULL)`;

export class SqliteManagedPolicies implements ManagedPolicyStore {
  readonly #db: Database.Database;
  readonly #now: () => number;
  readonly #stmts;

  constructor(db: Database.Database, now: () => number) {
    this.#db = db;
    this.#now = now;
    this.#stmts = {
      byArn: db.prepare(`${COUNTED} AND p.arn = @arn`),
      list: db.prepare(`${COUNTED} AND substr(p.path, 1, length(@prefix)) = @prefix ORDER BY p.policy_name COLLATE NOCASE, p.policy_name`),
      byName: db.prepare('SELECT 1 FROM iam_policies WHERE account_id = ? AND policy_name = ? COLLATE NOCASE'),
      count: db.prepare('SELECT count(*) AS n FROM iam_policies WHERE account_id = ?'),
      insert: db.prepare(
        `INSERT INTO iam_policies (policy_id, account_id, arn, policy_name, path, description, default_version, next_version, created_at, updated_at, tags)
         VALUES (?, ?, ?, ?, ?, ?, 'v1', 2, ?, ?, ?)`,
      ),
      insertVersion: db.prepare('INSERT INTO iam_policy_versions (policy_id, version_id, number, document, created_at) VALUES (?, ?, ?, ?, ?)'),
      versions: db.prepare('SELECT * FROM iam_policy_versions WHERE policy_id = ? ORDER BY number DESC'),
      version: db.prepare('SELECT * FROM iam_policy_versions WHERE policy_id = ? AND version_id = ?'),
      versionCount: db.prepare('SELECT count(*) AS n FROM iam_policy_versions WHERE policy_id = ?'),
      bump: db.prepare('UPDATE iam_policies SET next_version = next_version + 1, updated_at = ? WHERE policy_id = ?'),
      setDefault: db.prepare('UPDATE iam_policies SET default_version = ? WHERE policy_id = ?'),
      deleteVersion: db.prepare('DELETE FROM iam_policy_versions WHERE policy_id = ? AND version_id = ?'),
      touch: db.prepare('UPDATE iam_policies SET updated_at = (SELECT max(created_at) FROM iam_policy_versions WHERE policy_id = @id) WHERE policy_id = @id'),
      attachedAnywhere: db.prepare('SELECT count(*) AS n FROM iam_policy_attachments WHERE policy_id = ?'),
      boundaryAnywhere: db.prepare(
        'SELECT (SELECT count(*) FROM iam_users WHERE permissions_boundary = @arn) + (SELECT count(*) FROM iam_roles WHERE permissions_boundary = @arn) AS n',
      ),
      delete: db.prepare('DELETE FROM iam_policies WHERE policy_id = ?'),
    };
  }

  async create(input: { accountId: string; policyName: string; path: string; description?: string; document: string; tags?: Tag[] }): Promise<ManagedPolicy> {
    return this.#db.transaction(() => {
      checkSize(input.document);
      if (this.#stmts.byName.get(input.accountId, input.policyName) !== undefined) throw policyAlreadyExists(input.policyName);
      if (count(this.#stmts.count, input.accountId) >= QUOTAS.policiesPerAccount) {
        throw quotaExceeded('PoliciesPerAccount', QUOTAS.policiesPerAccount);
      }
      const id = generateUniqueId('ANPA');
      const arn = policyArn(input.accountId, input.path, input.policyName);
      const now = this.#now();
      this.#stmts.insert.run(id, input.accountId, arn, input.policyName, input.path, input.description ?? null, now, now, JSON.stringify(input.tags ?? []));
      this.#stmts.insertVersion.run(id, 'v1', 1, input.document, now);
      return this.#require(input.accountId, arn);
    })();
  }

  async get(accountId: string, arn: string): Promise<ManagedPolicy | undefined> {
    const row = this.#row(accountId, arn);
    return row && toManagedPolicy(row);
  }

  async list(accountId: string, options: ListPoliciesOptions = {}): Promise<ManagedPolicy[]> {
    const rows = this.#stmts.list.all({ account: accountId, prefix: options.pathPrefix ?? '/' }) as CountedRow[];
    const scope = options.scope ?? 'All';
    return rows
      .filter((r) => scope === 'All' || (scope === 'AWS' ? r.account_id === null : r.account_id !== null))
      .filter((r) => !options.onlyAttached || (options.usageFilter === 'PermissionsBoundary' ? r.boundary_count : r.attachment_count) > 0)
      .map(toManagedPolicy);
  }

  async createVersion(accountId: string, arn: string, document: string, options: { setAsDefault: boolean }): Promise<PolicyVersion> {
    return this.#db.transaction(() => {
      const row = this.#modifiable(accountId, arn);
      checkSize(document);
      if (count(this.#stmts.versionCount, row.policy_id) >= QUOTAS.versionsPerPolicy) {
        // [AWS] wording of the five-version limit.
        throw limitExceeded('A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.');
      }
      const versionId = `v${row.next_version}`;
      const now = this.#now();
      this.#stmts.insertVersion.run(row.policy_id, versionId, row.next_version, document, now);
      this.#stmts.bump.run(now, row.policy_id);
      if (options.setAsDefault) this.#stmts.setDefault.run(versionId, row.policy_id);
      return { versionId, document, isDefaultVersion: options.setAsDefault, createdAt: now };
    })();
  }

  async getVersion(accountId: string, arn: string, versionId: string): Promise<PolicyVersion> {
    const row = this.#required(accountId, arn);
    const version = this.#stmts.version.get(row.policy_id, versionId) as PolicyVersionRow | undefined;
    if (version === undefined) throw noSuchPolicyVersion(arn, versionId);
    return toPolicyVersion(version, row.default_version);
  }

  async listVersions(accountId: string, arn: string): Promise<PolicyVersion[]> {
    const row = this.#required(accountId, arn);
    return (this.#stmts.versions.all(row.policy_id) as PolicyVersionRow[]).map((v) => toPolicyVersion(v, row.default_version));
  }

  async setDefaultVersion(accountId: string, arn: string, versionId: string): Promise<void> {
    this.#db.transaction(() => {
      const row = this.#modifiable(accountId, arn);
      if (this.#stmts.version.get(row.policy_id, versionId) === undefined) throw noSuchPolicyVersion(arn, versionId);
      this.#stmts.setDefault.run(versionId, row.policy_id);
    })();
  }

  async deleteVersion(accountId: string, arn: string, versionId: string): Promise<void> {
    this.#db.transaction(() => {
      const row = this.#modifiable(accountId, arn);
      if (this.#stmts.version.get(row.policy_id, versionId) === undefined) throw noSuchPolicyVersion(arn, versionId);
      // [impl] sts-iam.md §4.1.
      if (versionId === row.default_version) throw deleteConflictMessage('Cannot delete the default version of a policy.');
      this.#stmts.deleteVersion.run(row.policy_id, versionId);
      this.#stmts.touch.run({ id: row.policy_id });
    })();
  }

  async delete(accountId: string, arn: string): Promise<void> {
    this.#db.transaction(() => {
      const row = this.#modifiable(accountId, arn);
      if (count(this.#stmts.attachedAnywhere, row.policy_id) > 0 || (this.#stmts.boundaryAnywhere.get({ arn }) as { n: number }).n > 0) {
        // [AWS] DeletePolicy of an attached policy.
        throw deleteConflictMessage('Cannot delete a policy attached to entities.');
      }
      if (count(this.#stmts.versionCount, row.policy_id) > 1) {
        // [AWS] DeletePolicy with non-default versions left.
        throw deleteConflictMessage(
          "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
        );
      }
      this.#stmts.delete.run(row.policy_id);
    })();
  }

  #row(accountId: string, arn: string): CountedRow | undefined {
    return this.#stmts.byArn.get({ account: accountId, arn }) as CountedRow | undefined;
  }

  #required(accountId: string, arn: string): CountedRow {
    const row = this.#row(accountId, arn);
    if (row === undefined) throw noSuchPolicy(arn);
    return row;
  }

  #require(accountId: string, arn: string): ManagedPolicy {
    return toManagedPolicy(this.#required(accountId, arn));
  }

  /** The account's own policy: AWS managed policies cannot be changed or deleted. */
  #modifiable(accountId: string, arn: string): CountedRow {
    const row = this.#required(accountId, arn);
    if (row.account_id === null) throw awsManagedPolicyUnmodifiable(arn);
    return row;
  }
}

function checkSize(document: string): void {
  if (policySize(document) > MANAGED_POLICY_MAX) throw quotaExceeded('PolicySize', MANAGED_POLICY_MAX);
}

function toManagedPolicy(row: CountedRow): ManagedPolicy {
  return {
    policyId: row.policy_id,
    policyName: row.policy_name,
    path: row.path,
    arn: row.arn,
    accountId: row.account_id ?? undefined,
    description: row.description ?? undefined,
    defaultVersionId: row.default_version,
    attachmentCount: row.attachment_count,
    permissionsBoundaryUsageCount: row.boundary_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    tags: tagsFromJson(row.tags),
  };
}
