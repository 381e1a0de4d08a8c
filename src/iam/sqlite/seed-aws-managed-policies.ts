/**
 * Brings the AWS managed policies of ../managed/aws-managed-policies.ts into the identity
 * database at every open: missing policies and versions are added and the default version
 * follows the list. Idempotent; one small transaction.
 */
import type Database from 'better-sqlite3';
import { policyArn } from '../iam-arns.ts';
import { AWS_MANAGED_POLICIES } from '../managed/aws-managed-policies.ts';

export function seedAwsManagedPolicies(db: Database.Database): void {
  const insertPolicy = db.prepare(
    `INSERT INTO iam_policies (policy_id, account_id, arn, policy_name, path, description, default_version, next_version, created_at, updated_at, tags)
     VALUES (@id, NULL, @arn, @name, @path, @description, @defaultVersion, @next, @createdAt, @updatedAt, '[]')
     ON CONFLICT (policy_id) DO UPDATE SET description = excluded.description, default_version = excluded.default_version,
       next_version = excluded.next_version, updated_at = excluded.updated_at`,
  );
  const insertVersion = db.prepare(
    `INSERT INTO iam_policy_versions (policy_id, version_id, number, document, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (policy_id, version_id) DO UPDATE SET document = excluded.document`,
  );
  db.transaction(() => {
    for (const p of AWS_MANAGED_POLICIES) {
      const last = p.versions.at(-1)!;
      insertPolicy.run({
        id: p.policyId,
        arn: policyArn(undefined, p.path, p.policyName),
        name: p.policyName,
        path: p.path,
        description: p.description,
        defaultVersion: last.versionId,
        next: versionNumber(last.versionId) + 1,
        createdAt: Date.parse(p.createdAt),
        updatedAt: Date.parse(last.createdAt),
      });
      for (const v of p.versions) insertVersion.run(p.policyId, v.versionId, versionNumber(v.versionId), v.document, Date.parse(v.createdAt));
    }
  })();
}

function versionNumber(versionId: string): number {
  return Number(versionId.slice(1));
}
