/**
 * DeleteUser: refused with DeleteConflict while the user has access keys, inline policies,
 * attached policies or group memberships (sts-iam.md §5.1); its keys stop working with it.
 */
import { iamAction } from '../iam-action.ts';
import { IAM } from '../validation/iam-constraints.ts';

export const deleteUser = iamAction({
  action: 'DeleteUser',
  iamAction: 'iam:DeleteUser',
  parse: (input) => ({ userName: input.required('UserName', IAM.existingUserName) }),
  resource: (i) => ({ kind: 'user', name: i.userName }),
  async handle(i, { store, caller }) {
    await store.users.delete(caller.account.accountId, i.userName);
    return undefined;
  },
});
