/**
 * GetAccessKeyLastUsed: when, with which service and in which region a key was last used
 * (recorded at most once a minute). Never used: `ServiceName` and `Region` are `N/A` and there
 * is no `LastUsedDate` [AWS]. A root key's owner shows as `root`.
 */
import { iamAction } from '../iam-action.ts';
import { iamDate } from '../iam-xml.ts';
import { IAM } from '../validation/iam-constraints.ts';

export const getAccessKeyLastUsed = iamAction({
  action: 'GetAccessKeyLastUsed',
  iamAction: 'iam:GetAccessKeyLastUsed',
  parse: (input) => ({ accessKeyId: input.required('AccessKeyId', IAM.accessKeyId) }),
  // AWS authorizes this against the key's owner; the key id alone does not name it before lookup.
  resource: (_i, caller) => ({ kind: 'arn', arn: `arn:aws:iam::${caller.account.accountId}:user/` }),
  async handle(i, { store, caller }) {
    const used = await store.accessKeys.lastUsed(caller.account.accountId, i.accessKeyId);
    return [
      ['UserName', used.userName ?? 'root'],
      [
        'AccessKeyLastUsed',
        [
          used.lastUsedAt === undefined ? undefined : ['LastUsedDate', iamDate(used.lastUsedAt)],
          ['ServiceName', used.serviceName ?? 'N/A'],
          ['Region', used.region ?? 'N/A'],
        ],
      ],
    ];
  },
});
