/**
 * Condition keys a bucket policy may use (policy-evaluation.md §5): the global `aws:` keys and
 * S3's `s3:` keys, with the actions an `s3:` key applies to where that is narrow and well known.
 * A bucket policy naming another key fails with `Policy has an invalid condition key`; one whose
 * keys apply to none of its actions with `Conditions do not apply to combination of actions and
 * resources in statement` (§1). Keys are case-insensitive; tag keys (`…Tag/<k>`) are prefixes.
 */
import { S3_ACTIONS } from './s3-actions.ts';

const GLOBAL = `aws:CalledVia aws:CalledViaFirst aws:CalledViaLast aws:CurrentTime aws:EpochTime aws:FederatedProvider
aws:MultiFactorAuthAge aws:MultiFactorAuthPresent aws:PrincipalAccount aws:PrincipalArn aws:PrincipalIsAWSService
aws:PrincipalOrgID aws:PrincipalOrgPaths aws:PrincipalServiceName aws:PrincipalServiceNamesList aws:PrincipalType
aws:Referer aws:RequestedRegion aws:ResourceAccount aws:ResourceOrgID aws:ResourceOrgPaths aws:SecureTransport
aws:SourceAccount aws:SourceArn aws:SourceIdentity aws:SourceIp aws:SourceOrgID aws:SourceOrgPaths aws:SourceVpc
aws:SourceVpce aws:SourceVpcArn aws:TagKeys aws:TokenIssueTime aws:UserAgent aws:userid aws:username
aws:ViaAWSService aws:VpcSourceIp aws:Ec2InstanceSourceVpc aws:Ec2InstanceSourcePrivateIPv4`;
const GLOBAL_PREFIXES = ['aws:principaltag/', 'aws:requesttag/', 'aws:resourcetag/'];

const LIST = ['s3:ListBucket', 's3:ListBucketVersions'];
const ACL = ['s3:PutObject', 's3:PutObjectAcl', 's3:PutObjectVersionAcl', 's3:PutBucketAcl', 's3:CreateBucket'];
const PUT = ['s3:PutObject'];
const REQUEST_TAGS = ['s3:PutObject', 's3:PutObjectTagging', 's3:PutObjectVersionTagging'];
const LOCK = ['s3:PutObject', 's3:PutObjectRetention', 's3:PutObjectLegalHold', 's3:PutBucketObjectLockConfiguration'];

/** `all`: every S3 action; `object`: every object action; else the named actions. */
type Scope = 'all' | 'object' | readonly string[];

const S3_KEYS: Array<[string, Scope]> = [
  ['s3:authType', 'all'],
  ['s3:signatureversion', 'all'],
  ['s3:signatureAge', 'all'],
  ['s3:x-amz-content-sha256', 'all'],
  ['s3:TlsVersion', 'all'],
  ['s3:ResourceAccount', 'all'],
  ['s3:DataAccessPointArn', 'all'],
  ['s3:DataAccessPointAccount', 'all'],
  ['s3:AccessPointNetworkOrigin', 'all'],
  ['s3:AccessGrantsInstanceArn', 'all'],
  ['s3:prefix', LIST],
  ['s3:delimiter', LIST],
  ['s3:max-keys', LIST],
  ['s3:VersionId', 'object'],
  ['s3:x-amz-acl', ACL],
  ['s3:x-amz-grant-read', ACL],
  ['s3:x-amz-grant-write', ACL],
  ['s3:x-amz-grant-read-acp', ACL],
  ['s3:x-amz-grant-write-acp', ACL],
  ['s3:x-amz-grant-full-control', ACL],
  ['s3:x-amz-copy-source', PUT],
  ['s3:x-amz-metadata-directive', PUT],
  ['s3:x-amz-server-side-encryption', PUT],
  ['s3:x-amz-server-side-encryption-aws-kms-key-id', PUT],
  ['s3:x-amz-server-side-encryption-customer-algorithm', 'object'],
  ['s3:x-amz-storage-class', PUT],
  ['s3:x-amz-website-redirect-location', PUT],
  ['s3:RequestObjectTagKeys', REQUEST_TAGS],
  ['s3:LocationConstraint', ['s3:CreateBucket']],
  ['s3:x-amz-object-ownership', ['s3:CreateBucket', 's3:PutBucketOwnershipControls']],
  ['s3:object-lock-mode', LOCK],
  ['s3:object-lock-retain-until-date', LOCK],
  ['s3:object-lock-remaining-retention-days', LOCK],
  ['s3:object-lock-legal-hold', LOCK],
  ['s3:if-match', PUT],
  ['s3:if-none-match', PUT],
  ['s3:ObjectCreationOperation', PUT],
];
const S3_PREFIXES: Array<[string, Scope]> = [
  ['s3:existingobjecttag/', 'object'],
  ['s3:requestobjecttag/', REQUEST_TAGS],
];

export interface KeyRule {
  /** Lower-cased actions the key applies to, or undefined for every action. */
  readonly actions: ReadonlySet<string> | undefined;
}

const OBJECT_ACTIONS = new Set([...S3_ACTIONS].filter(([, a]) => a.kind === 'object').map(([k]) => k));

function scopeSet(scope: Scope): ReadonlySet<string> | undefined {
  if (scope === 'all') return undefined;
  if (scope === 'object') return OBJECT_ACTIONS;
  return new Set(scope.map((a) => a.toLowerCase()));
}

const RULES = new Map<string, KeyRule>([
  ...GLOBAL.split(/\s+/)
    .filter(Boolean)
    .map((k): [string, KeyRule] => [k.toLowerCase(), { actions: undefined }]),
  ...S3_KEYS.map(([k, scope]): [string, KeyRule] => [k.toLowerCase(), { actions: scopeSet(scope) }]),
]);
const PREFIX_RULES: Array<[string, KeyRule]> = [
  ...GLOBAL_PREFIXES.map((p): [string, KeyRule] => [p, { actions: undefined }]),
  ...S3_PREFIXES.map(([p, scope]): [string, KeyRule] => [p, { actions: scopeSet(scope) }]),
];

/** The rule for a bucket-policy condition key, or undefined when S3 does not know the key. */
export function bucketPolicyKeyRule(key: string): KeyRule | undefined {
  const lower = key.toLowerCase();
  const exact = RULES.get(lower);
  if (exact !== undefined) return exact;
  for (const [prefix, rule] of PREFIX_RULES) if (lower.startsWith(prefix) && lower.length > prefix.length) return rule;
  return undefined;
}
