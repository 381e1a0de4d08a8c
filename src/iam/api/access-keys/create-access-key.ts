/**
 * CreateAccessKey: a new AKIA key for the named user (or the caller; the account root's own
 * when the root calls without UserName). At most two per owner — `LimitExceeded` `Cannot exceed
 * quota for AccessKeysPerUser: 2` [AWS]. The only response that ever carries the secret.
 */
import { callerUserName } from '../caller-user-name.ts';
import { iamAction } from '../iam-action.ts';
import { iamDate } from '../iam-xml.ts';
import { IAM } from '../validation/iam-constraints.ts';
import { keyOwnerResource } from './owner-resource.ts';

export const createAccessKey = iamAction({
  action: 'CreateAccessKey',
  iamAction: 'iam:CreateAccessKey',
  parse: (input) => ({ userName: input.optional('UserName', IAM.existingUserName) }),
  resource: (i, caller) => keyOwnerResource(i.userName, caller),
  async handle(i, { store, caller }) {
    const key = await store.accessKeys.create(caller.account.accountId, callerUserName(caller, i.userName));
    return [
      [
        'AccessKey',
        [
          key.userName === undefined ? undefined : ['UserName', key.userName],
          ['AccessKeyId', key.accessKeyId],
          ['Status', key.status],
          ['SecretAccessKey', key.secretAccessKey],
          ['CreateDate', iamDate(key.createdAt)],
        ],
      ],
    ];
  },
});
