/** RemoveUserFromGroup. */
import { iamAction } from '../iam-action.ts';
import { IAM } from '../validation/iam-constraints.ts';

export const removeUserFromGroup = iamAction({
  action: 'RemoveUserFromGroup',
  iamAction: 'iam:RemoveUserFromGroup',
  parse: (input) => ({ groupName: input.required('GroupName', IAM.groupName), userName: input.required('UserName', IAM.existingUserName) }),
  resource: (i) => ({ kind: 'group', name: i.groupName }),
  async handle(i, { store, caller }) {
    await store.groups.removeUser(caller.account.accountId, i.groupName, i.userName);
    return undefined;
  },
});
