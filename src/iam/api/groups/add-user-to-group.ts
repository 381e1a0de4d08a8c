/** AddUserToGroup: idempotent; a user belongs to at most 10 groups (sts-iam.md §4.2). */
import { iamAction } from '../iam-action.ts';
import { IAM } from '../validation/iam-constraints.ts';

export const addUserToGroup = iamAction({
  action: 'AddUserToGroup',
  iamAction: 'iam:AddUserToGroup',
  parse: (input) => ({ groupName: input.required('GroupName', IAM.groupName), userName: input.required('UserName', IAM.existingUserName) }),
  resource: (i) => ({ kind: 'group', name: i.groupName }),
  async handle(i, { store, caller }) {
    await store.groups.addUser(caller.account.accountId, i.groupName, i.userName);
    return undefined;
  },
});
