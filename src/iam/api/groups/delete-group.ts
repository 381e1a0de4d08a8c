/** DeleteGroup: refused with DeleteConflict while it has members, inline or attached policies. */
import { iamAction } from '../iam-action.ts';
import { IAM } from '../validation/iam-constraints.ts';

export const deleteGroup = iamAction({
  action: 'DeleteGroup',
  iamAction: 'iam:DeleteGroup',
  parse: (input) => ({ groupName: input.required('GroupName', IAM.groupName) }),
  resource: (i) => ({ kind: 'group', name: i.groupName }),
  async handle(i, { store, caller }) {
    await store.groups.delete(caller.account.accountId, i.groupName);
    return undefined;
  },
});
