/** UpdateUser: a new name and/or path; the user keeps its id, keys, groups and policies. */
import { iamAction } from '../iam-action.ts';
import { IAM } from '../validation/iam-constraints.ts';

export const updateUser = iamAction({
  action: 'UpdateUser',
  iamAction: 'iam:UpdateUser',
  parse: (input) => ({
    userName: input.required('UserName', IAM.existingUserName),
    newPath: input.optional('NewPath', IAM.path),
    newUserName: input.optional('NewUserName', IAM.userName),
  }),
  resource: (i) => ({ kind: 'user', name: i.userName }),
  async handle(i, { store, caller }) {
    await store.users.update(caller.account.accountId, i.userName, { newUserName: i.newUserName, newPath: i.newPath });
    return undefined;
  },
});
