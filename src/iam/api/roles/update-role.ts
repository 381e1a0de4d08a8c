/** UpdateRole: Description and/or MaxSessionDuration; answers with an empty result element. */
import { iamAction } from '../iam-action.ts';
import { IAM, MAX_SESSION_DURATION } from '../validation/iam-constraints.ts';

export const updateRole = iamAction({
  action: 'UpdateRole',
  iamAction: 'iam:UpdateRole',
  parse: (input) => ({
    roleName: input.required('RoleName', IAM.roleName),
    description: input.optional('Description', IAM.roleDescription),
    maxSessionDuration: input.integer('MaxSessionDuration', MAX_SESSION_DURATION),
  }),
  resource: (i) => ({ kind: 'role', name: i.roleName }),
  async handle(i, { store, caller }) {
    await store.roles.update(caller.account.accountId, i.roleName, { description: i.description, maxSessionDuration: i.maxSessionDuration });
    return [];
  },
});
