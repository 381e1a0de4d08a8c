/**
 * The Authorizer decides whether a principal may perform an action on a resource, and says why.
 * It never throws for a denial: the Decision carries the reason, and the pipeline turns a denial
 * into AccessDenied. Handlers never call it; the pipeline does, from the operation registry.
 */
import type { Authentication } from '../auth/authentication.ts';
import type { BucketRecord } from '../storage/types.ts';

export interface AccessRequest {
  auth: Authentication;
  /** IAM action, e.g. `s3:GetObject`. */
  action: string;
  /** ARN of the resource (`arn:aws:s3:::bucket`, `arn:aws:s3:::bucket/key`), or `*`. */
  resource: string;
  /** The bucket the resource belongs to, when there is one. */
  bucket: BucketRecord | undefined;
  /** Request facts that policies can test (condition keys → values). */
  context: ReadonlyMap<string, string | readonly string[]>;
}

export interface Decision {
  allowed: boolean;
  /** `explicit-deny`, `implicit-deny` or `allow`. */
  effect: 'allow' | 'explicit-deny' | 'implicit-deny';
  /** Plain words: what allowed or denied it. */
  reason: string;
  /** The message AccessDenied should carry (AWS's enhanced form where it applies). */
  message?: string;
}

export interface Authorizer {
  authorize(request: AccessRequest): Promise<Decision>;
}
