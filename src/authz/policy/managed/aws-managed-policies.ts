/**
 * The AWS managed policies Coffer knows, for IAM's ListPolicies(Scope=AWS) / GetPolicy /
 * AttachUserPolicy and for evaluation. Immutable data; compile a document with
 * parseIdentityPolicy once at start and share the result.
 */
import { AdministratorAccess } from './administrator-access.ts';
import { AmazonS3FullAccess } from './amazon-s3-full-access.ts';
import { AmazonS3ReadOnlyAccess } from './amazon-s3-read-only-access.ts';
import { IAMFullAccess } from './iam-full-access.ts';
import { IAMReadOnlyAccess } from './iam-read-only-access.ts';
import type { AwsManagedPolicy } from './managed-policy.ts';

export const AWS_MANAGED_POLICIES: readonly AwsManagedPolicy[] = Object.freeze([
  AdministratorAccess,
  AmazonS3FullAccess,
  AmazonS3ReadOnlyAccess,
  IAMFullAccess,
  IAMReadOnlyAccess,
]);

const BY_ARN: ReadonlyMap<string, AwsManagedPolicy> = new Map(AWS_MANAGED_POLICIES.map((p) => [p.arn, p]));

export function findAwsManagedPolicy(arn: string): AwsManagedPolicy | undefined {
  return BY_ARN.get(arn);
}
