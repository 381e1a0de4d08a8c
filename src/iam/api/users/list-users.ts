/** ListUsers: the account's users under PathPrefix, by name, paged. */
import { members } from '../../../query-api/query-xml.ts';
import { accountResource, iamAction } from '../iam-action.ts';
import { userXml } from '../iam-xml.ts';
import { pageXml, paginate } from '../paginate.ts';
import { IAM, MAX_ITEMS } from '../validation/iam-constraints.ts';

export const listUsers = iamAction({
  action: 'ListUsers',
  iamAction: 'iam:ListUsers',
  parse: (input) => ({
    pathPrefix: input.optional('PathPrefix', IAM.pathPrefix),
    marker: input.optional('Marker', IAM.marker),
    maxItems: input.integer('MaxItems', MAX_ITEMS),
  }),
  resource: (_i, caller) => accountResource(caller, 'user/'),
  async handle(i, { store, caller }) {
    const users = await store.users.list(caller.account.accountId, { pathPrefix: i.pathPrefix });
    const page = paginate(users, (u) => u.userId, i);
    return [['Users', members(page.items.map((u) => userXml(u, { full: false })))], ...pageXml(page)];
  },
});
