/**
 * One line of the audit log (`<data-dir>/audit/audit-YYYY-MM-DD.jsonl`): who asked for what,
 * when and from where, what was decided and why — the data `coffer explain <request-id>` prints.
 * Never a secret: no secret key, signature, session token, Authorization header or query string.
 * Optional fields are left out when unknown; the shape only grows (readers ignore unknown keys).
 */
import type { ConditionFailure, PolicyType, StatementRef } from '../../authz/policy/index.ts';

export const AUDIT_RECORD_VERSION = 1;

/**
 * What authorization concluded. `not-authorized-because-authentication-failed`: the request
 * never reached authorization (expired, skewed, bad signature, unknown key, bad token …);
 * `not-evaluated`: it was not authorized for another reason (malformed, no such bucket, a CORS
 * preflight, an STS/IAM call — those authorize inside their own handlers).
 */
export type AuditDecision = 'allow' | 'explicit-deny' | 'implicit-deny' | 'not-authorized-because-authentication-failed' | 'not-evaluated';

export type AuditAuthScheme = 'v4-header' | 'v4-query' | 'v2-header' | 'v2-query' | 'post-policy' | 'none';

export interface AuditRecord {
  v: typeof AUDIT_RECORD_VERSION;
  /** When the request arrived, by the server clock (ISO 8601 with milliseconds). */
  time: string;
  requestId: string;
  /** STS and IAM calls: the x-amzn-RequestId they answered with (what their SDKs report); explain finds either. */
  queryRequestId?: string;
  method?: string;
  /** The path as sent, without the query string (which may carry signatures and tokens). */
  path?: string;
  /** `GetObject`, `PutBucketPolicy` …; absent when the request could not be parsed. */
  operation?: string;
  /** The HTTP status answered. */
  status: number;
  /**
   * The caller's ARN (a role session's ARN for temporary role credentials), `anonymous`, or
   * `unauthenticated` for a signed request whose authentication failed (see `accessKeyId`).
   */
  principal: string;
  principalType?: 'Anonymous' | 'Account' | 'User' | 'AssumedRole';
  accountId?: string;
  /** The access key id the request was signed with (from the request when authentication failed). */
  accessKeyId?: string;
  /** Signed with temporary credentials (a session token was sent; the token is never recorded). */
  temporaryCredentials?: boolean;
  sourceIp?: string;
  secureTransport?: boolean;
  userAgent?: string;
  /** How the request was signed, as far as it could be read. */
  authentication?: {
    scheme: AuditAuthScheme;
    /** X-Amz-Date / Date, as an ISO time. */
    signedAt?: string;
    /** Presigned URLs: X-Amz-Expires (SigV4) in seconds. */
    expiresSeconds?: number;
    /** Presigned URLs: when the URL expires (X-Amz-Date + X-Amz-Expires, or SigV2 Expires). */
    expiresAt?: string;
    /** SigV4 credential scope: `20240501/us-east-1/s3`. */
    scope?: string;
  };
  /** The IAM action that decided (for a request that needs several, the one that denied). */
  action?: string;
  /** Its resource ARN (`*` for none); for unauthorized requests, the addressed bucket or object. */
  resource?: string;
  decision: AuditDecision;
  /** Plain words: what allowed or denied it, or why authentication failed. */
  reason?: string;
  /**
   * The decision's AccessDenied message (AWS's enhanced form where it applies), when the client
   * was sent another one (an operation's own anonymous-caller message); else it is `error.message`.
   */
  message?: string;
  /** Deciding statements: the Deny that matched, or the Allows the decision rests on. */
  statements?: readonly StatementRef[];
  /** For denials: the policy type whose deny decided. */
  deniedBy?: PolicyType;
  /** For implicit denials: Allow statements that failed only on a condition. */
  conditionFailures?: readonly ConditionFailure[];
  /**
   * Condition keys the request supplied beyond the fields above (s3:prefix, s3:x-amz-acl,
   * aws:Referer, s3:x-amz-content-sha256 …), named as `coffer simulate --context` takes them.
   */
  context?: Record<string, string>;
  /** The ACL grant that took part in an allow. */
  acl?: string;
  notes?: readonly string[];
  /**
   * DeleteObjects: the keys it authorized one by one, and those refused (the first 100), each
   * with its reason. The record's own decision is the first refusal, else the first allow.
   */
  keys?: {
    checked: number;
    denied: Array<{ key: string; decision: 'explicit-deny' | 'implicit-deny'; reason: string }>;
    /** Refused keys beyond the first 100. */
    moreDenied?: number;
  };
  /** The S3 error answered, if any; `reason` is the internal one (never sent to the client). */
  error?: {
    code: string;
    status: number;
    message: string;
    /** The internal reason, when it is not the record's `reason`. */
    reason?: string;
    /** The error document's extra elements that carry no secret (see safe-error-fields.ts). */
    fields?: Record<string, string>;
  };
  /** How long the request took, in milliseconds. */
  ms?: number;
}
