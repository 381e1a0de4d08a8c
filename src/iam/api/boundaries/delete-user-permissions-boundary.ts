/** DeleteUserPermissionsBoundary: removes the user's permissions boundary. */
import { iamAction } from '../iam-action.ts';
import { IAM } from '../validation/iam-constraints.ts';

export const deleteUserPermissionsBoundary = iamAction({
  action: 'DeleteUserPermissionsBoundary',
  iamAction: 'iam:DeleteUserPermissionsBoundary',
  parse: (input) => ({ name: input.required('UserName', IAM.existingUserName) }),
  resource: (i) => ({ kind: 'user', name: i.name }),
  async handle(i, { store, caller }) {
    await store.permissionsBoundaries.set({ kind: 'user', accountId: caller.account.accountId, name: i.name }, undefined);
    return undefined;
  },
});
