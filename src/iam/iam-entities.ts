/**
 * The IAM entities as the store hands them out (../shared/spec/sts-iam.md §4): plain values,
 * times in epoch milliseconds, ARNs already built. Names keep the case they were created with;
 * uniqueness is case-insensitive.
 */

export interface Tag {
  key: string;
  value: string;
}

export interface User {
  accountId: string;
  /** `AIDA…` (21 characters): a user deleted and created again gets a new one. */
  userId: string;
  userName: string;
  /** `/` or `/a/b/`. */
  path: string;
  /** `arn:aws:iam::<acct>:user/<path><name>`. */
  arn: string;
  createdAt: number;
  /** ARN of the managed policy that caps this user's permissions. */
  permissionsBoundary: string | undefined;
  tags: Tag[];
}

export interface Group {
  accountId: string;
  /** `AGPA…`. */
  groupId: string;
  groupName: string;
  path: string;
  arn: string;
  createdAt: number;
}

export interface Role {
  accountId: string;
  /** `AROA…` (21 characters). */
  roleId: string;
  roleName: string;
  path: string;
  arn: string;
  createdAt: number;
  /** The trust policy, JSON exactly as it was given. */
  assumeRolePolicyDocument: string;
  description: string | undefined;
  /** 3600–43200 seconds; 3600 unless set. */
  maxSessionDuration: number;
  permissionsBoundary: string | undefined;
  tags: Tag[];
}

export interface ManagedPolicy {
  /** `ANPA…`. */
  policyId: string;
  policyName: string;
  path: string;
  /** `arn:aws:iam::<acct>:policy/<path><name>`, or `arn:aws:iam::aws:policy/<path><name>`. */
  arn: string;
  /** undefined for AWS managed policies. */
  accountId: string | undefined;
  description: string | undefined;
  /** `v1`, `v2`, … */
  defaultVersionId: string;
  /** Attachments within the asking account (AWS managed policies are shared by every account). */
  attachmentCount: number;
  permissionsBoundaryUsageCount: number;
  createdAt: number;
  updatedAt: number;
  tags: Tag[];
}

export interface PolicyVersion {
  versionId: string;
  document: string;
  isDefaultVersion: boolean;
  createdAt: number;
}

/** Where an OIDC provider's signing keys come from; STS fetches them, IAM only stores this. */
export type JwksSetting = { kind: 'inline'; json: string } | { kind: 'url'; url: string };

export interface OpenIdConnectProvider {
  /** `arn:aws:iam::<acct>:oidc-provider/<host and path of the issuer>`. */
  arn: string;
  accountId: string;
  /** The issuer without its scheme, as GetOpenIDConnectProvider shows it: `token.example.com/path`. */
  url: string;
  clientIds: string[];
  thumbprints: string[];
  /** undefined: discover through `https://<url>/.well-known/openid-configuration`. */
  jwks: JwksSetting | undefined;
  createdAt: number;
  tags: Tag[];
}

export type EntityKind = 'user' | 'group' | 'role';

/** A user, group or role named the way the IAM API names them: account and name. */
export interface EntityRef {
  kind: EntityKind;
  accountId: string;
  name: string;
}

/** A long-term access key's metadata (never its secret). */
export interface AccessKeyMetadata {
  accessKeyId: string;
  accountId: string;
  /** undefined for the account root's keys. */
  userName: string | undefined;
  status: 'Active' | 'Inactive';
  createdAt: number;
}

export interface AccessKeyLastUsed {
  /** undefined for root keys (GetAccessKeyLastUsed shows `root`). */
  userName: string | undefined;
  lastUsedAt: number | undefined;
  serviceName: string | undefined;
  region: string | undefined;
}

/** An identity policy in force, as the authorizer and STS read it. */
export type PolicyDocumentRef =
  | { source: 'inline'; owner: EntityKind; ownerName: string; policyName: string; document: string }
  | { source: 'managed'; policyArn: string; versionId: string; document: string };
