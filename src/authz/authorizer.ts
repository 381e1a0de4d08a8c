/**
 * The Authorizer decides whether a principal may perform an action on a resource, and says why.
 * It never throws for a denial: the Decision carries the reason and its evidence, and the
 * pipeline turns a denial into AccessDenied. Handlers never call it; the pipeline does, from the
 * operation registry.
 */
import type { Authentication } from '../auth/authentication.ts';
import type { BucketConfigs, BucketRecord } from '../storage/types.ts';
import type { PolicyDecision, S3OperationFacts } from './policy/index.ts';

/** Facts about the request that condition keys are made of (policy-evaluation.md §5). */
export interface RequestFacts {
  /** The request time by the server clock (epoch ms). */
  now: number;
  secureTransport: boolean;
  tlsVersion?: string;
  sourceIp?: string;
  userAgent?: string;
  referer?: string;
  contentSha256?: string;
  operation?: S3OperationFacts;
}

export interface AccessRequest {
  auth: Authentication;
  /** IAM action, e.g. `s3:GetObject`. */
  action: string;
  /** ARN of the resource (`arn:aws:s3:::bucket`, `arn:aws:s3:::bucket/key`), or `*`. */
  resource: string;
  /** The bucket the resource belongs to, when there is one. */
  bucket: BucketRecord | undefined;
  /** That bucket's configurations, when the caller read them already (one read per request). */
  bucketConfigs?: Partial<BucketConfigs>;
  /** For object resources: the key and version (the object's owner, ACL and tags may matter). */
  object?: { key: string; versionId?: string };
  facts: RequestFacts;
}

export interface Decision {
  allowed: boolean;
  effect: 'allow' | 'explicit-deny' | 'implicit-deny';
  /** Plain words: what allowed or denied it. */
  reason: string;
  /** The message AccessDenied should carry (AWS's enhanced form where it applies). */
  message?: string;
  /** The evidence: deciding statements, failed conditions, ACL, notes — for explain and audit. */
  trace?: Pick<PolicyDecision, 'statements' | 'deniedBy' | 'conditionFailures' | 'acl' | 'notes'>;
  action?: string;
  resource?: string;
  /** The request facts it was decided on (the audit record keeps their condition keys). */
  facts?: RequestFacts;
}

export interface Authorizer {
  authorize(request: AccessRequest): Promise<Decision>;
}
