/** ListGroups: the account's groups under PathPrefix, by name, paged. */
import { members } from '../../../query-api/query-xml.ts';
import { accountResource, iamAction } from '../iam-action.ts';
import { groupXml } from '../iam-xml.ts';
import { pageXml, paginate } from '../paginate.ts';
import { IAM, MAX_ITEMS } from '../validation/iam-constraints.ts';

export const listGroups = iamAction({
  action: 'ListGroups',
  iamAction: 'iam:ListGroups',
  parse: (input) => ({
    pathPrefix: input.optional('PathPrefix', IAM.pathPrefix),
    marker: input.optional('Marker', IAM.marker),
    maxItems: input.integer('MaxItems', MAX_ITEMS),
  }),
  resource: (_i, caller) => accountResource(caller, 'group/'),
  async handle(i, { store, caller }) {
    const page = paginate(await store.groups.list(caller.account.accountId, { pathPrefix: i.pathPrefix }), (g) => g.groupId, i);
    return [['Groups', members(page.items.map(groupXml))], ...pageXml(page)];
  },
});
