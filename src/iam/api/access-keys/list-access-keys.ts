/** ListAccessKeys: the keys of the named user (or the caller), without their secrets. */
import { members } from '../../../query-api/query-xml.ts';
import { callerUserName } from '../caller-user-name.ts';
import { iamAction } from '../iam-action.ts';
import { iamDate } from '../iam-xml.ts';
import { pageXml, paginate } from '../paginate.ts';
import { IAM, MAX_ITEMS } from '../validation/iam-constraints.ts';
import { keyOwnerResource } from './owner-resource.ts';

export const listAccessKeys = iamAction({
  action: 'ListAccessKeys',
  iamAction: 'iam:ListAccessKeys',
  parse: (input) => ({
    userName: input.optional('UserName', IAM.existingUserName),
    marker: input.optional('Marker', IAM.marker),
    maxItems: input.integer('MaxItems', MAX_ITEMS),
  }),
  resource: (i, caller) => keyOwnerResource(i.userName, caller),
  async handle(i, { store, caller }) {
    const keys = await store.accessKeys.list(caller.account.accountId, callerUserName(caller, i.userName));
    const page = paginate(keys, (k) => k.accessKeyId, i);
    const items = page.items.map((k) => [
      k.userName === undefined ? undefined : (['UserName', k.userName] as const),
      ['AccessKeyId', k.accessKeyId] as const,
      ['Status', k.status] as const,
      ['CreateDate', iamDate(k.createdAt)] as const,
    ]);
    return [['AccessKeyMetadata', members(items)], ...pageXml(page)];
  },
});
