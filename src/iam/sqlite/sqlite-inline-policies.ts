/**
 * Inline policies of users, groups and roles (iam_inline_policies): embedded in one entity,
 * replaced by a Put with the same name, sharing one size budget per entity (sts-iam.md §4.1).
 */
import type Database from 'better-sqlite3';
import type { EntityRef } from '../iam-entities.ts';
import { limitExceeded, noSuchInlinePolicy } from '../iam-error.ts';
import type { InlinePolicyStore } from '../iam-store.ts';
import { INLINE_POLICY_BUDGET, policySize } from '../policy-document/policy-size.ts';
import type { EntityLookup } from './entity-lookup.ts';

export class SqliteInlinePolicies implements InlinePolicyStore {
  readonly #db: Database.Database;
  readonly #lookup: EntityLookup;
  readonly #stmts;

  constructor(db: Database.Database, lookup: EntityLookup) {
    this.#db = db;
    this.#lookup = lookup;
    this.#stmts = {
      others: db.prepare('SELECT document FROM iam_inline_policies WHERE owner_id = ? AND policy_name <> ?'),
      upsert: db.prepare(
        `INSERT INTO iam_inline_policies (owner_id, owner_kind, account_id, policy_name, document) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (owner_id, policy_name) DO UPDATE SET document = excluded.document`,
      ),
      get: db.prepare('SELECT document FROM iam_inline_policies WHERE owner_id = ? AND policy_name = ?'),
      list: db.prepare('SELECT policy_name FROM iam_inline_policies WHERE owner_id = ? ORDER BY policy_name COLLATE NOCASE, policy_name'),
      delete: db.prepare('DELETE FROM iam_inline_policies WHERE owner_id = ? AND policy_name = ?'),
    };
  }

  async put(owner: EntityRef, policyName: string, document: string): Promise<void> {
    this.#db.transaction(() => {
      const entity = this.#lookup.require(owner);
      const others = this.#stmts.others.all(entity.id, policyName) as Array<{ document: string }>;
      const total = others.reduce((n, r) => n + policySize(r.document), policySize(document));
      const budget = INLINE_POLICY_BUDGET[owner.kind];
      // [AWS] `Maximum policy size of 10240 bytes exceeded for role demo`.
      if (total > budget) throw limitExceeded(`Maximum policy size of ${budget} bytes exceeded for ${owner.kind} ${entity.name}`);
      this.#stmts.upsert.run(entity.id, owner.kind, owner.accountId, policyName, document);
    })();
  }

  async get(owner: EntityRef, policyName: string): Promise<string | undefined> {
    const entity = this.#lookup.require(owner);
    return (this.#stmts.get.get(entity.id, policyName) as { document: string } | undefined)?.document;
  }

  async list(owner: EntityRef): Promise<string[]> {
    const entity = this.#lookup.require(owner);
    return (this.#stmts.list.all(entity.id) as Array<{ policy_name: string }>).map((r) => r.policy_name);
  }

  async delete(owner: EntityRef, policyName: string): Promise<void> {
    this.#db.transaction(() => {
      const entity = this.#lookup.require(owner);
      if (this.#stmts.delete.run(entity.id, policyName).changes === 0) throw noSuchInlinePolicy(owner.kind, policyName);
    })();
  }
}
