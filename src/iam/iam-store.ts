/**
 * The IAM part of the identity store: users, groups, roles, inline and managed policies, their
 * attachments, user access keys and OIDC providers. One narrow interface per entity family;
 * every method documents what it throws (an IamError with AWS's code and words) and is atomic.
 *
 * `IamReader` is what STS and the authorizer read: entities by name, id or ARN, the identity
 * policies in force for a user or role, permissions boundaries, OIDC providers.
 */
import type {
  AccessKeyLastUsed,
  AccessKeyMetadata,
  EntityKind,
  EntityRef,
  Group,
  JwksSetting,
  ManagedPolicy,
  OpenIdConnectProvider,
  PolicyDocumentRef,
  PolicyVersion,
  Role,
  Tag,
  User,
} from './iam-entities.ts';

export interface IamReader {
  getUser(accountId: string, userName: string): Promise<User | undefined>;
  getUserById(userId: string): Promise<User | undefined>;
  getRole(accountId: string, roleName: string): Promise<Role | undefined>;
  getRoleById(roleId: string): Promise<Role | undefined>;
  /** The role an ARN names, path included: a role ARN with the wrong path names nothing. */
  getRoleByArn(roleArn: string): Promise<Role | undefined>;
  /**
   * The identity-based policies in force for a user (its inline and attached policies, then
   * each of its groups' inline and attached policies) or a role (inline and attached), each
   * managed one at its default version. Unknown id → [].
   */
  identityPolicies(principal: { userId: string } | { roleId: string }): Promise<PolicyDocumentRef[]>;
  /** The permissions boundary's default version, if the user or role has one. */
  permissionsBoundary(principal: { userId: string } | { roleId: string }): Promise<PolicyDocumentRef | undefined>;
  /**
   * A managed policy's default version, as STS reads `PolicyArns` session policies: the
   * caller's account's own policies and AWS managed ones; undefined otherwise.
   */
  managedPolicyDocument(accountId: string, policyArn: string): Promise<PolicyDocumentRef | undefined>;
  getOpenIdConnectProvider(arn: string): Promise<OpenIdConnectProvider | undefined>;
  /** The provider of `accountId` for an issuer (`iss`), given with or without `https://`. */
  findOpenIdConnectProvider(accountId: string, issuer: string): Promise<OpenIdConnectProvider | undefined>;
}

export interface Paged {
  pathPrefix?: string;
}

export interface UserStore {
  /** Throws EntityAlreadyExists (case-insensitive name), LimitExceeded (UsersPerAccount). */
  create(input: { accountId: string; userName: string; path: string; permissionsBoundary?: string; tags?: Tag[] }): Promise<User>;
  get(accountId: string, userName: string): Promise<User | undefined>;
  /** Sorted by name (case-insensitively, as AWS lists). */
  list(accountId: string, options?: Paged): Promise<User[]>;
  /** Throws NoSuchEntity, EntityAlreadyExists (new name taken). */
  update(accountId: string, userName: string, changes: { newUserName?: string; newPath?: string }): Promise<void>;
  /**
   * Throws NoSuchEntity, or DeleteConflict while the user has access keys, inline policies,
   * attached policies or group memberships (checked in that order).
   */
  delete(accountId: string, userName: string): Promise<void>;
}

export interface GroupStore {
  /** Throws EntityAlreadyExists, LimitExceeded (GroupsPerAccount). */
  create(input: { accountId: string; groupName: string; path: string }): Promise<Group>;
  get(accountId: string, groupName: string): Promise<Group | undefined>;
  list(accountId: string, options?: Paged): Promise<Group[]>;
  /** Throws NoSuchEntity (group). */
  members(accountId: string, groupName: string): Promise<User[]>;
  /** Throws NoSuchEntity (user). */
  groupsForUser(accountId: string, userName: string): Promise<Group[]>;
  /** Idempotent. Throws NoSuchEntity (group, then user), LimitExceeded (GroupsPerUser: 10). */
  addUser(accountId: string, groupName: string, userName: string): Promise<void>;
  /** Throws NoSuchEntity (group, user, or not a member). */
  removeUser(accountId: string, groupName: string, userName: string): Promise<void>;
  /** Throws NoSuchEntity, DeleteConflict (members, inline policies, attached policies). */
  delete(accountId: string, groupName: string): Promise<void>;
}

export interface RoleStore {
  /** Throws EntityAlreadyExists, LimitExceeded (RolesPerAccount). */
  create(input: {
    accountId: string;
    roleName: string;
    path: string;
    assumeRolePolicyDocument: string;
    description?: string;
    maxSessionDuration?: number;
    permissionsBoundary?: string;
    tags?: Tag[];
  }): Promise<Role>;
  get(accountId: string, roleName: string): Promise<Role | undefined>;
  list(accountId: string, options?: Paged): Promise<Role[]>;
  /** Throws NoSuchEntity. Undefined fields stay as they are. */
  update(accountId: string, roleName: string, changes: { description?: string; maxSessionDuration?: number }): Promise<void>;
  /** Throws NoSuchEntity. */
  updateAssumeRolePolicy(accountId: string, roleName: string, document: string): Promise<void>;
  /** Throws NoSuchEntity, DeleteConflict (inline policies, attached policies). */
  delete(accountId: string, roleName: string): Promise<void>;
}

export interface PermissionsBoundaryStore {
  /** `policyArn` undefined removes it. Throws NoSuchEntity (entity, or policy not attachable). */
  set(entity: { kind: 'user' | 'role'; accountId: string; name: string }, policyArn: string | undefined): Promise<void>;
}

export interface InlinePolicyStore {
  /** Creates or replaces. Throws NoSuchEntity (owner), LimitExceeded (aggregate size). */
  put(owner: EntityRef, policyName: string, document: string): Promise<void>;
  /** Throws NoSuchEntity (owner); undefined when the owner has no such policy. */
  get(owner: EntityRef, policyName: string): Promise<string | undefined>;
  /** Throws NoSuchEntity (owner). Sorted by name. */
  list(owner: EntityRef): Promise<string[]>;
  /** Throws NoSuchEntity (owner, then policy). */
  delete(owner: EntityRef, policyName: string): Promise<void>;
}

export interface ListPoliciesOptions extends Paged {
  scope?: 'All' | 'AWS' | 'Local';
  onlyAttached?: boolean;
  usageFilter?: 'PermissionsPolicy' | 'PermissionsBoundary';
}

export interface ManagedPolicyStore {
  /** Throws EntityAlreadyExists, LimitExceeded (PolicySize, PoliciesPerAccount). */
  create(input: { accountId: string; policyName: string; path: string; description?: string; document: string; tags?: Tag[] }): Promise<ManagedPolicy>;
  /** A policy of `accountId` or an AWS managed one, with `accountId`'s attachment counts. */
  get(accountId: string, policyArn: string): Promise<ManagedPolicy | undefined>;
  list(accountId: string, options?: ListPoliciesOptions): Promise<ManagedPolicy[]>;
  /** Throws NoSuchEntity, UnmodifiableEntity (AWS managed), LimitExceeded (5 versions, size). */
  createVersion(accountId: string, policyArn: string, document: string, options: { setAsDefault: boolean }): Promise<PolicyVersion>;
  /** Throws NoSuchEntity (policy, version). */
  getVersion(accountId: string, policyArn: string, versionId: string): Promise<PolicyVersion>;
  /** Newest first. Throws NoSuchEntity. */
  listVersions(accountId: string, policyArn: string): Promise<PolicyVersion[]>;
  /** Throws NoSuchEntity, UnmodifiableEntity. */
  setDefaultVersion(accountId: string, policyArn: string, versionId: string): Promise<void>;
  /** Throws NoSuchEntity, UnmodifiableEntity, DeleteConflict (the default version). */
  deleteVersion(accountId: string, policyArn: string, versionId: string): Promise<void>;
  /** Throws NoSuchEntity, UnmodifiableEntity, DeleteConflict (attached or boundary, non-default versions). */
  delete(accountId: string, policyArn: string): Promise<void>;
}

export interface AttachedPolicy {
  policyName: string;
  policyArn: string;
}

export interface PolicyEntities {
  users: Array<{ userName: string; userId: string }>;
  groups: Array<{ groupName: string; groupId: string }>;
  roles: Array<{ roleName: string; roleId: string }>;
}

export interface PolicyAttachmentStore {
  /** Idempotent. Throws NoSuchEntity (entity, policy not attachable), LimitExceeded (PoliciesPer…: 10). */
  attach(entity: EntityRef, policyArn: string): Promise<void>;
  /** Throws NoSuchEntity (entity, policy not attached). */
  detach(entity: EntityRef, policyArn: string): Promise<void>;
  /** Throws NoSuchEntity (entity). Sorted by policy name. */
  listAttached(entity: EntityRef, options?: Paged): Promise<AttachedPolicy[]>;
  /** Throws NoSuchEntity (policy). `usage` PermissionsBoundary lists users/roles with it as boundary. */
  entitiesForPolicy(
    accountId: string,
    policyArn: string,
    options?: Paged & { kinds?: readonly EntityKind[]; usage?: 'PermissionsPolicy' | 'PermissionsBoundary' },
  ): Promise<PolicyEntities>;
}

export interface UserAccessKeyStore {
  /**
   * A new key for the user, or for the account root when `userName` is undefined. Throws
   * NoSuchEntity, LimitExceeded (`AccessKeysPerUser: 2`). The secret is returned only here.
   */
  create(accountId: string, userName: string | undefined): Promise<AccessKeyMetadata & { secretAccessKey: string }>;
  /** Throws NoSuchEntity (user). Oldest first. */
  list(accountId: string, userName: string | undefined): Promise<AccessKeyMetadata[]>;
  /** Throws NoSuchEntity (user, or a key that is not this owner's). Takes effect on the next request. */
  setStatus(accountId: string, userName: string | undefined, accessKeyId: string, status: 'Active' | 'Inactive'): Promise<void>;
  /** Throws NoSuchEntity (user, or a key that is not this owner's). */
  delete(accountId: string, userName: string | undefined, accessKeyId: string): Promise<void>;
  /** Throws NoSuchEntity (not a key of this account). */
  lastUsed(accountId: string, accessKeyId: string): Promise<AccessKeyLastUsed>;
}

export interface OpenIdConnectProviderStore {
  /** `url` without `https://`. Throws EntityAlreadyExists. */
  create(input: { accountId: string; url: string; clientIds: string[]; thumbprints: string[]; jwks?: JwksSetting; tags?: Tag[] }): Promise<OpenIdConnectProvider>;
  get(accountId: string, arn: string): Promise<OpenIdConnectProvider | undefined>;
  list(accountId: string): Promise<OpenIdConnectProvider[]>;
  /** Throws NoSuchEntity. */
  delete(accountId: string, arn: string): Promise<void>;
}

export interface IamStore extends IamReader {
  readonly users: UserStore;
  readonly groups: GroupStore;
  readonly roles: RoleStore;
  readonly permissionsBoundaries: PermissionsBoundaryStore;
  readonly inlinePolicies: InlinePolicyStore;
  readonly managedPolicies: ManagedPolicyStore;
  readonly attachments: PolicyAttachmentStore;
  readonly accessKeys: UserAccessKeyStore;
  readonly openIdConnectProviders: OpenIdConnectProviderStore;
  /** When the account was created (GetUser of the root shows it), epoch ms. */
  accountCreatedAt(accountId: string): Promise<number | undefined>;
}
