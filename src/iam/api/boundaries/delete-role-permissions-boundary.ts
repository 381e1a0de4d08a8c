/** DeleteRolePermissionsBoundary: removes the role's permissions boundary. */
import { iamAction } from '../iam-action.ts';
import { IAM } from '../validation/iam-constraints.ts';

export const deleteRolePermissionsBoundary = iamAction({
  action: 'DeleteRolePermissionsBoundary',
  iamAction: 'iam:DeleteRolePermissionsBoundary',
  parse: (input) => ({ name: input.required('RoleName', IAM.roleName) }),
  resource: (i) => ({ kind: 'role', name: i.name }),
  async handle(i, { store, caller }) {
    await store.permissionsBoundaries.set({ kind: 'role', accountId: caller.account.accountId, name: i.name }, undefined);
    return undefined;
  },
});
