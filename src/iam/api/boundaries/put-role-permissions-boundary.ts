/** PutRolePermissionsBoundary: caps the role's identity-based permissions with a managed policy. */
import { iamAction } from '../iam-action.ts';
import { IAM } from '../validation/iam-constraints.ts';

export const putRolePermissionsBoundary = iamAction({
  action: 'PutRolePermissionsBoundary',
  iamAction: 'iam:PutRolePermissionsBoundary',
  parse: (input) => ({ name: input.required('RoleName', IAM.roleName), permissionsBoundary: input.required('PermissionsBoundary', IAM.arn) }),
  resource: (i) => ({ kind: 'role', name: i.name }),
  async handle(i, { store, caller }) {
    await store.permissionsBoundaries.set({ kind: 'role', accountId: caller.account.accountId, name: i.name }, i.permissionsBoundary);
    return undefined;
  },
});
