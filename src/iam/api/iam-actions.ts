/**
 * Every IAM action Coffer answers, as data: the action name, the IAM action it needs and its
 * resource (for the authorizer), and its handler. The dispatcher (iam-service.ts) builds the
 * QueryService from this list; `IAM_ACTION_TABLE` is the same as plain rows for the authorizer.
 */
import { createUser } from './users/create-user.ts';
import { deleteUser } from './users/delete-user.ts';
import { getUser } from './users/get-user.ts';
import { listUsers } from './users/list-users.ts';
import { updateUser } from './users/update-user.ts';
import { createAccessKey } from './access-keys/create-access-key.ts';
import { deleteAccessKey } from './access-keys/delete-access-key.ts';
import { getAccessKeyLastUsed } from './access-keys/get-access-key-last-used.ts';
import { listAccessKeys } from './access-keys/list-access-keys.ts';
import { updateAccessKey } from './access-keys/update-access-key.ts';
import { addUserToGroup } from './groups/add-user-to-group.ts';
import { createGroup } from './groups/create-group.ts';
import { deleteGroup } from './groups/delete-group.ts';
import { getGroup } from './groups/get-group.ts';
import { listGroupsForUser } from './groups/list-groups-for-user.ts';
import { listGroups } from './groups/list-groups.ts';
import { removeUserFromGroup } from './groups/remove-user-from-group.ts';
import { createRole } from './roles/create-role.ts';
import { deleteRole } from './roles/delete-role.ts';
import { getRole } from './roles/get-role.ts';
import { listRoles } from './roles/list-roles.ts';
import { updateAssumeRolePolicy } from './roles/update-assume-role-policy.ts';
import { updateRole } from './roles/update-role.ts';
import { deleteGroupPolicy } from './inline-policies/delete-group-policy.ts';
import { deleteRolePolicy } from './inline-policies/delete-role-policy.ts';
import { deleteUserPolicy } from './inline-policies/delete-user-policy.ts';
import { getGroupPolicy } from './inline-policies/get-group-policy.ts';
import { getRolePolicy } from './inline-policies/get-role-policy.ts';
import { getUserPolicy } from './inline-policies/get-user-policy.ts';
import { listGroupPolicies } from './inline-policies/list-group-policies.ts';
import { listRolePolicies } from './inline-policies/list-role-policies.ts';
import { listUserPolicies } from './inline-policies/list-user-policies.ts';
import { putGroupPolicy } from './inline-policies/put-group-policy.ts';
import { putRolePolicy } from './inline-policies/put-role-policy.ts';
import { putUserPolicy } from './inline-policies/put-user-policy.ts';
import { createPolicyVersion } from './managed-policies/create-policy-version.ts';
import { createPolicy } from './managed-policies/create-policy.ts';
import { deletePolicyVersion } from './managed-policies/delete-policy-version.ts';
import { deletePolicy } from './managed-policies/delete-policy.ts';
import { getPolicyVersion } from './managed-policies/get-policy-version.ts';
import { getPolicy } from './managed-policies/get-policy.ts';
import { listPolicies } from './managed-policies/list-policies.ts';
import { listPolicyVersions } from './managed-policies/list-policy-versions.ts';
import { setDefaultPolicyVersion } from './managed-policies/set-default-policy-version.ts';
import { attachGroupPolicy } from './attachments/attach-group-policy.ts';
import { attachRolePolicy } from './attachments/attach-role-policy.ts';
import { attachUserPolicy } from './attachments/attach-user-policy.ts';
import { detachGroupPolicy } from './attachments/detach-group-policy.ts';
import { detachRolePolicy } from './attachments/detach-role-policy.ts';
import { detachUserPolicy } from './attachments/detach-user-policy.ts';
import { listAttachedGroupPolicies } from './attachments/list-attached-group-policies.ts';
import { listAttachedRolePolicies } from './attachments/list-attached-role-policies.ts';
import { listAttachedUserPolicies } from './attachments/list-attached-user-policies.ts';
import { listEntitiesForPolicy } from './attachments/list-entities-for-policy.ts';
import { deleteRolePermissionsBoundary } from './boundaries/delete-role-permissions-boundary.ts';
import { deleteUserPermissionsBoundary } from './boundaries/delete-user-permissions-boundary.ts';
import { putRolePermissionsBoundary } from './boundaries/put-role-permissions-boundary.ts';
import { putUserPermissionsBoundary } from './boundaries/put-user-permissions-boundary.ts';
import { createOpenIDConnectProvider } from './oidc/create-open-id-connect-provider.ts';
import { deleteOpenIDConnectProvider } from './oidc/delete-open-id-connect-provider.ts';
import { getOpenIDConnectProvider } from './oidc/get-open-id-connect-provider.ts';
import { listOpenIDConnectProviders } from './oidc/list-open-id-connect-providers.ts';
import { simulateCustomPolicy } from './simulation/simulate-custom-policy.ts';
import { simulatePrincipalPolicy } from './simulation/simulate-principal-policy.ts';
import type { AnyIamAction } from './iam-action.ts';

export const IAM_ACTIONS: readonly AnyIamAction[] = [
  createUser,
  deleteUser,
  getUser,
  listUsers,
  updateUser,
  createAccessKey,
  deleteAccessKey,
  getAccessKeyLastUsed,
  listAccessKeys,
  updateAccessKey,
  addUserToGroup,
  createGroup,
  deleteGroup,
  getGroup,
  listGroupsForUser,
  listGroups,
  removeUserFromGroup,
  createRole,
  deleteRole,
  getRole,
  listRoles,
  updateAssumeRolePolicy,
  updateRole,
  deleteGroupPolicy,
  deleteRolePolicy,
  deleteUserPolicy,
  getGroupPolicy,
  getRolePolicy,
  getUserPolicy,
  listGroupPolicies,
  listRolePolicies,
  listUserPolicies,
  putGroupPolicy,
  putRolePolicy,
  putUserPolicy,
  createPolicyVersion,
  createPolicy,
  deletePolicyVersion,
  deletePolicy,
  getPolicyVersion,
  getPolicy,
  listPolicies,
  listPolicyVersions,
  setDefaultPolicyVersion,
  attachGroupPolicy,
  attachRolePolicy,
  attachUserPolicy,
  detachGroupPolicy,
  detachRolePolicy,
  detachUserPolicy,
  listAttachedGroupPolicies,
  listAttachedRolePolicies,
  listAttachedUserPolicies,
  listEntitiesForPolicy,
  deleteRolePermissionsBoundary,
  deleteUserPermissionsBoundary,
  putRolePermissionsBoundary,
  putUserPermissionsBoundary,
  createOpenIDConnectProvider,
  deleteOpenIDConnectProvider,
  getOpenIDConnectProvider,
  listOpenIDConnectProviders,
  simulateCustomPolicy,
  simulatePrincipalPolicy,
];

/** `CreateUser` → `{ iamAction: 'iam:CreateUser', resource }`. */
export const IAM_ACTION_TABLE: ReadonlyMap<string, Pick<AnyIamAction, 'iamAction' | 'resource'>> = new Map(
  IAM_ACTIONS.map((a) => [a.action, { iamAction: a.iamAction, resource: a.resource }]),
);
