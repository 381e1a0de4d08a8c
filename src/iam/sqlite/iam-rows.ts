/** Rows of the IAM tables (migration 2) and their mapping to the entities the store hands out. */
import type { Group, OpenIdConnectProvider, PolicyVersion, Role, Tag, User } from '../iam-entities.ts';
import { groupArn, roleArn, userArn } from '../iam-arns.ts';

export interface UserRow {
  user_id: string;
  account_id: string;
  user_name: string;
  path: string;
  created_at: number;
  permissions_boundary: string | null;
  tags: string;
}

export interface GroupRow {
  group_id: string;
  account_id: string;
  group_name: string;
  path: string;
  created_at: number;
}

export interface RoleRow {
  role_id: string;
  account_id: string;
  role_name: string;
  path: string;
  created_at: number;
  trust_policy: string;
  description: string | null;
  max_session_duration: number;
  permissions_boundary: string | null;
  tags: string;
}

export interface PolicyRow {
  policy_id: string;
  account_id: string | null;
  arn: string;
  policy_name: string;
  path: string;
  description: string | null;
  default_version: string;
  next_version: number;
  created_at: number;
  updated_at: number;
  tags: string;
}

export interface PolicyVersionRow {
  policy_id: string;
  version_id: string;
  number: number;
  document: string;
  created_at: number;
}

export interface OidcProviderRow {
  arn: string;
  account_id: string;
  url: string;
  client_ids: string;
  thumbprints: string;
  jwks_kind: 'inline' | 'url' | null;
  jwks: string | null;
  created_at: number;
  tags: string;
}

export function tagsFromJson(json: string): Tag[] {
  return JSON.parse(json) as Tag[];
}

export function toUser(row: UserRow): User {
  return {
    accountId: row.account_id,
    userId: row.user_id,
    userName: row.user_name,
    path: row.path,
    arn: userArn(row.account_id, row.path, row.user_name),
    createdAt: row.created_at,
    permissionsBoundary: row.permissions_boundary ?? undefined,
    tags: tagsFromJson(row.tags),
  };
}

export function toGroup(row: GroupRow): Group {
  return {
    accountId: row.account_id,
    groupId: row.group_id,
    groupName: row.group_name,
    path: row.path,
    arn: groupArn(row.account_id, row.path, row.group_name),
    createdAt: row.created_at,
  };
}

export function toRole(row: RoleRow): Role {
  return {
    accountId: row.account_id,
    roleId: row.role_id,
    roleName: row.role_name,
    path: row.path,
    arn: roleArn(row.account_id, row.path, row.role_name),
    createdAt: row.created_at,
    assumeRolePolicyDocument: row.trust_policy,
    description: row.description ?? undefined,
    maxSessionDuration: row.max_session_duration,
    permissionsBoundary: row.permissions_boundary ?? undefined,
    tags: tagsFromJson(row.tags),
  };
}

export function toPolicyVersion(row: PolicyVersionRow, defaultVersion: string): PolicyVersion {
  return { versionId: row.version_id, document: row.document, isDefaultVersion: row.version_id === defaultVersion, createdAt: row.created_at };
}

export function toOidcProvider(row: OidcProviderRow): OpenIdConnectProvider {
  return {
    arn: row.arn,
    accountId: row.account_id,
    url: row.url,
    clientIds: JSON.parse(row.client_ids) as string[],
    thumbprints: JSON.parse(row.thumbprints) as string[],
    jwks:
      row.jwks_kind === 'inline' ? { kind: 'inline', json: row.jwks! } : row.jwks_kind === 'url' ? { kind: 'url', url: row.jwks! } : undefined,
    createdAt: row.created_at,
    tags: tagsFromJson(row.tags),
  };
}

/** Case-insensitive name order, as IAM lists; ties (none: names are unique) by exact name. */
export const BY_NAME = (column: string) => `ORDER BY ${column} COLLATE NOCASE, ${column}`;
