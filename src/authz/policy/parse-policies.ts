/**
 * The validation entry points, one per kind of policy document. Each returns a compiled
 * policy or throws a PolicyError carrying the code and message of the service that stores
 * that kind of policy (policy-error.ts, policy-dialect.ts).
 */
import { type BucketPolicyOptions, bucketPolicyRules } from './bucket-policy-rules.ts';
import type { CompiledPolicy } from './compiled-policy.ts';
import { identityPolicyRules, type TrustPolicyOptions, trustPolicyRules } from './iam-policy-rules.ts';
import { parsePolicyText } from './parse-policy-text.ts';

/** S3 bucket policies are at most 20 KB (§1). */
export const BUCKET_POLICY_MAX_BYTES = 20 * 1024;
/** Role trust policies: 2,048 characters by default, adjustable to 4,096 (sts-iam.md §4.2). */
export const TRUST_POLICY_DEFAULT_MAX = 2048;

/** PutBucketPolicy: 400 MalformedPolicy with S3's messages. */
export function parseBucketPolicy(text: string, options: BucketPolicyOptions): CompiledPolicy {
  return parsePolicyText(text, bucketPolicyRules(options), { max: BUCKET_POLICY_MAX_BYTES, unit: 'bytes' });
}

export interface IdentityPolicyOptions {
  /**
   * The size quota to enforce, in characters other than white space (managed policies 6,144);
   * inline policies are limited per entity in aggregate, which only the IAM store can check.
   */
  maxSize?: number;
}

/** Put{User,Group,Role}Policy, CreatePolicy(Version), permissions boundaries: MalformedPolicyDocument. */
export function parseIdentityPolicy(text: string, options: IdentityPolicyOptions = {}): CompiledPolicy {
  const limit = options.maxSize === undefined ? undefined : { max: options.maxSize, unit: 'non-whitespace-chars' as const };
  return parsePolicyText(text, identityPolicyRules('identity'), limit);
}

/** AssumeRole / GetFederationToken `Policy`: identity-policy rules, STS's JSON message. */
export function parseSessionPolicy(text: string): CompiledPolicy {
  return parsePolicyText(text, identityPolicyRules('session'), undefined);
}

export interface TrustPolicyParseOptions extends TrustPolicyOptions {
  /** Defaults to TRUST_POLICY_DEFAULT_MAX (characters other than white space). */
  maxSize?: number;
}

/** CreateRole / UpdateAssumeRolePolicy: MalformedPolicyDocument, LimitExceeded for size. */
export function parseTrustPolicy(text: string, options: TrustPolicyParseOptions = {}): CompiledPolicy {
  const limit = { max: options.maxSize ?? TRUST_POLICY_DEFAULT_MAX, unit: 'non-whitespace-chars' as const };
  return parsePolicyText(text, trustPolicyRules(options), limit);
}
