/**
 * Derives the condition keys of an S3 request (policy-evaluation.md §5) from typed facts:
 * who (the principal and how it authenticated), when, over what transport, and the operation's
 * own parameters. Pure: the caller reads headers and query parameters; this decides key names
 * and value formats.
 *
 * Keys produced (absent when the fact is absent):
 *   aws:CurrentTime (ISO 8601, seconds), aws:EpochTime (seconds), aws:SecureTransport,
 *   aws:SourceIp (an IPv4-mapped IPv6 address unmapped), aws:UserAgent, aws:Referer,
 *   aws:username (IAM users only), aws:userid, aws:PrincipalArn (the role ARN for sessions),
 *   aws:PrincipalAccount, aws:PrincipalType, aws:PrincipalTag/<k>, aws:TokenIssueTime,
 *   aws:MultiFactorAuthPresent and aws:MultiFactorAuthAge (temporary credentials only),
 *   aws:ResourceAccount,
 *   s3:authType, s3:signatureversion, s3:signatureAge (ms; 0 for SigV2 — spec: uncertain),
 *   s3:x-amz-content-sha256, s3:TlsVersion, s3:ResourceAccount, and from `operation`:
 *   s3:prefix, s3:delimiter, s3:max-keys, s3:VersionId, s3:x-amz-acl, s3:x-amz-grant-*,
 *   s3:x-amz-copy-source (raw spelling), s3:x-amz-metadata-directive,
 *   s3:x-amz-server-side-encryption[-aws-kms-key-id|-customer-algorithm], s3:x-amz-storage-class,
 *   s3:ExistingObjectTag/<k>, s3:RequestObjectTag/<k>, s3:RequestObjectTagKeys,
 *   s3:LocationConstraint, s3:x-amz-object-ownership, s3:if-match, s3:if-none-match.
 * Pass only the facts the operation has: `prefix` for ListObjects, `versionId` when a
 * versionId parameter was sent, and so on (§5.2 "Present for").
 */
import type { Authentication } from '../../auth/authentication.ts';
import { isoSeconds } from '../../lib/dates.ts';
import { RequestContext } from './request-context.ts';

export interface S3RequestFacts {
  readonly auth: Authentication;
  /** The request time by the server clock, epoch ms. */
  readonly now: number;
  readonly secureTransport: boolean;
  /** `TLSv1.3` (as Node reports it) or `1.3`. */
  readonly tlsVersion?: string;
  readonly sourceIp?: string;
  readonly userAgent?: string;
  readonly referer?: string;
  /** The x-amz-content-sha256 header as sent (SigV4). */
  readonly contentSha256?: string;
  /**
   * Temporary credentials: when the session was issued (default: the credential's issuedAt)
   * and when its MFA was authenticated, if it was.
   */
  readonly session?: { readonly issuedAt: number; readonly mfaAuthenticatedAt?: number };
  readonly principalTags?: Readonly<Record<string, string>>;
  /** The bucket owner's account (aws:ResourceAccount, s3:ResourceAccount). */
  readonly resourceAccount?: string;
  readonly operation?: S3OperationFacts;
}

export interface S3OperationFacts {
  readonly prefix?: string;
  readonly delimiter?: string;
  readonly maxKeys?: string | number;
  readonly versionId?: string;
  readonly cannedAcl?: string;
  readonly grants?: {
    readonly read?: string;
    readonly write?: string;
    readonly readAcp?: string;
    readonly writeAcp?: string;
    readonly fullControl?: string;
  };
  /** The x-amz-copy-source header exactly as sent (not percent-decoded, §5.2). */
  readonly copySource?: string;
  readonly metadataDirective?: string;
  readonly serverSideEncryption?: string;
  readonly sseKmsKeyId?: string;
  readonly sseCustomerAlgorithm?: string;
  readonly storageClass?: string;
  readonly existingObjectTags?: Readonly<Record<string, string>>;
  readonly requestObjectTags?: Readonly<Record<string, string>>;
  readonly locationConstraint?: string;
  readonly objectOwnership?: string;
  readonly ifMatch?: string;
  readonly ifNoneMatch?: string;
}

/** s3:authType by authentication scheme (§5.2). */
const AUTH_TYPE = {
  'v4-header': 'REST-HEADER',
  'v2-header': 'REST-HEADER',
  'v4-query': 'REST-QUERY-STRING',
  'v2-query': 'REST-QUERY-STRING',
  'post-policy': 'POST',
} as const;

export function buildS3RequestContext(f: S3RequestFacts): RequestContext {
  const keys = new Map<string, string | readonly string[]>();
  const put = (k: string, v: string | number | undefined) => {
    if (v !== undefined) keys.set(k, String(v));
  };
  put('aws:CurrentTime', isoSeconds(f.now));
  put('aws:EpochTime', Math.floor(f.now / 1000));
  put('aws:SecureTransport', f.secureTransport ? 'true' : 'false');
  put('aws:SourceIp', f.sourceIp === undefined ? undefined : unmapIpv4(f.sourceIp));
  put('aws:UserAgent', f.userAgent);
  put('aws:Referer', f.referer);
  put('aws:ResourceAccount', f.resourceAccount);
  put('s3:ResourceAccount', f.resourceAccount);
  if (f.secureTransport) put('s3:TlsVersion', f.tlsVersion?.replace(/^TLSv/i, ''));

  const p = f.auth.principal;
  // aws:userid / aws:username / aws:PrincipalType by principal (§5.1 table).
  switch (p.type) {
    case 'Anonymous':
      put('aws:userid', 'anonymous');
      put('aws:PrincipalType', 'Anonymous');
      break;
    case 'Account':
      put('aws:userid', p.account.accountId);
      put('aws:PrincipalType', 'Account');
      put('aws:PrincipalArn', p.arn);
      break;
    case 'User':
      put('aws:username', p.userName);
      put('aws:userid', p.userId);
      put('aws:PrincipalType', 'User');
      put('aws:PrincipalArn', p.arn);
      break;
    case 'AssumedRole':
      put('aws:userid', p.userId);
      put('aws:PrincipalType', 'AssumedRole');
      put('aws:PrincipalArn', p.roleArn);
      break;
  }
  if (p.type !== 'Anonymous') put('aws:PrincipalAccount', p.account.accountId);
  for (const [k, v] of Object.entries(f.principalTags ?? {})) put(`aws:PrincipalTag/${k}`, v);

  // MFA keys: present only for temporary credentials (§5.1); role sessions always are.
  const signed = f.auth.kind === 'signed' ? f.auth : undefined;
  const issuedAt = f.session?.issuedAt ?? signed?.credential.issuedAt;
  const temporary = issuedAt !== undefined || signed?.credential.sessionToken !== undefined || p.type === 'AssumedRole';
  if (temporary) {
    const mfaAt = f.session?.mfaAuthenticatedAt;
    put('aws:MultiFactorAuthPresent', mfaAt !== undefined ? 'true' : 'false');
    if (mfaAt !== undefined) put('aws:MultiFactorAuthAge', Math.max(0, Math.floor((f.now - mfaAt) / 1000)));
    if (issuedAt !== undefined) put('aws:TokenIssueTime', isoSeconds(issuedAt));
  }

  if (f.auth.kind === 'signed') {
    const a = f.auth;
    put('s3:authType', AUTH_TYPE[a.scheme]);
    put('s3:signatureversion', a.signatureVersion);
    put('s3:signatureAge', a.signatureVersion === 'AWS' ? 0 : Math.max(0, f.now - a.signedAt));
    if (a.signatureVersion === 'AWS4-HMAC-SHA256') put('s3:x-amz-content-sha256', f.contentSha256);
  }

  const o = f.operation;
  if (o !== undefined) {
    put('s3:prefix', o.prefix);
    put('s3:delimiter', o.delimiter);
    put('s3:max-keys', o.maxKeys);
    put('s3:VersionId', o.versionId);
    put('s3:x-amz-acl', o.cannedAcl);
    put('s3:x-amz-grant-read', o.grants?.read);
    put('s3:x-amz-grant-write', o.grants?.write);
    put('s3:x-amz-grant-read-acp', o.grants?.readAcp);
    put('s3:x-amz-grant-write-acp', o.grants?.writeAcp);
    put('s3:x-amz-grant-full-control', o.grants?.fullControl);
    put('s3:x-amz-copy-source', o.copySource);
    put('s3:x-amz-metadata-directive', o.metadataDirective);
    put('s3:x-amz-server-side-encryption', o.serverSideEncryption);
    put('s3:x-amz-server-side-encryption-aws-kms-key-id', o.sseKmsKeyId);
    put('s3:x-amz-server-side-encryption-customer-algorithm', o.sseCustomerAlgorithm);
    put('s3:x-amz-storage-class', o.storageClass);
    put('s3:LocationConstraint', o.locationConstraint);
    put('s3:x-amz-object-ownership', o.objectOwnership);
    put('s3:if-match', o.ifMatch);
    put('s3:if-none-match', o.ifNoneMatch);
    for (const [k, v] of Object.entries(o.existingObjectTags ?? {})) put(`s3:ExistingObjectTag/${k}`, v);
    if (o.requestObjectTags !== undefined) {
      for (const [k, v] of Object.entries(o.requestObjectTags)) put(`s3:RequestObjectTag/${k}`, v);
      keys.set('s3:RequestObjectTagKeys', Object.keys(o.requestObjectTags));
    }
  }
  return RequestContext.from(keys);
}

/**
 * A dual-stack socket reports an IPv4 client as `::ffff:203.0.113.9`; AWS reports
 * `203.0.113.9`, and string conditions on aws:SourceIp (rare, but legal) must see that.
 */
function unmapIpv4(ip: string): string {
  const m = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  return m === null ? ip : m[1]!;
}
