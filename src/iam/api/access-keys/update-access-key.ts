/**
 * UpdateAccessKey: Active ↔ Inactive. An inactive key fails its very next request with
 * InvalidAccessKeyId (S3) / InvalidClientTokenId (IAM, STS): resolve() reads the row each time.
 */
import { callerUserName } from '../caller-user-name.ts';
import { iamAction } from '../iam-action.ts';
import { IAM } from '../validation/iam-constraints.ts';
import { keyOwnerResource } from './owner-resource.ts';

const STATUSES = ['Active', 'Inactive'] as const;

export const updateAccessKey = iamAction({
  action: 'UpdateAccessKey',
  iamAction: 'iam:UpdateAccessKey',
  parse: (input) => ({
    userName: input.optional('UserName', IAM.existingUserName),
    accessKeyId: input.required('AccessKeyId', IAM.accessKeyId),
    status: input.enumValue('Status', STATUSES, { required: true })!,
  }),
  resource: (i, caller) => keyOwnerResource(i.userName, caller),
  async handle(i, { store, caller }) {
    await store.accessKeys.setStatus(caller.account.accountId, callerUserName(caller, i.userName), i.accessKeyId, i.status);
    return undefined;
  },
});
