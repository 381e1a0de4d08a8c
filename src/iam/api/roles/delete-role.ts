/** DeleteRole: refused with DeleteConflict while it has inline or attached policies. */
import { iamAction } from '../iam-action.ts';
import { IAM } from '../validation/iam-constraints.ts';

export const deleteRole = iamAction({
  action: 'DeleteRole',
  iamAction: 'iam:DeleteRole',
  parse: (input) => ({ roleName: input.required('RoleName', IAM.roleName) }),
  resource: (i) => ({ kind: 'role', name: i.roleName }),
  async handle(i, { store, caller }) {
    await store.roles.delete(caller.account.accountId, i.roleName);
    return undefined;
  },
});
