/** PutUserPermissionsBoundary: caps the user's identity-based permissions with a managed policy. */
import { iamAction } from '../iam-action.ts';
import { IAM } from '../validation/iam-constraints.ts';

export const putUserPermissionsBoundary = iamAction({
  action: 'PutUserPermissionsBoundary',
  iamAction: 'iam:PutUserPermissionsBoundary',
  parse: (input) => ({ name: input.required('UserName', IAM.existingUserName), permissionsBoundary: input.required('PermissionsBoundary', IAM.arn) }),
  resource: (i) => ({ kind: 'user', name: i.name }),
  async handle(i, { store, caller }) {
    await store.permissionsBoundaries.set({ kind: 'user', accountId: caller.account.accountId, name: i.name }, i.permissionsBoundary);
    return undefined;
  },
});
