/** DeleteAccessKey: the key stops working at once. */
import { callerUserName } from '../caller-user-name.ts';
import { iamAction } from '../iam-action.ts';
import { IAM } from '../validation/iam-constraints.ts';
import { keyOwnerResource } from './owner-resource.ts';

export const deleteAccessKey = iamAction({
  action: 'DeleteAccessKey',
  iamAction: 'iam:DeleteAccessKey',
  parse: (input) => ({
    userName: input.optional('UserName', IAM.existingUserName),
    accessKeyId: input.required('AccessKeyId', IAM.accessKeyId),
  }),
  resource: (i, caller) => keyOwnerResource(i.userName, caller),
  async handle(i, { store, caller }) {
    await store.accessKeys.delete(caller.account.accountId, callerUserName(caller, i.userName), i.accessKeyId);
    return undefined;
  },
});
