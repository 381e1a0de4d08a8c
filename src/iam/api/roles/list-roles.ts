/** ListRoles: the account's roles under PathPrefix, by name, paged. */
import { members } from '../../../query-api/query-xml.ts';
import { accountResource, iamAction } from '../iam-action.ts';
import { roleXml } from '../iam-xml.ts';
import { pageXml, paginate } from '../paginate.ts';
import { IAM, MAX_ITEMS } from '../validation/iam-constraints.ts';

export const listRoles = iamAction({
  action: 'ListRoles',
  iamAction: 'iam:ListRoles',
  parse: (input) => ({
    pathPrefix: input.optional('PathPrefix', IAM.pathPrefix),
    marker: input.optional('Marker', IAM.marker),
    maxItems: input.integer('MaxItems', MAX_ITEMS),
  }),
  resource: (_i, caller) => accountResource(caller, 'role/'),
  async handle(i, { store, caller }) {
    const page = paginate(await store.roles.list(caller.account.accountId, { pathPrefix: i.pathPrefix }), (r) => r.roleId, i);
    return [['Roles', members(page.items.map((r) => roleXml(r, { full: false })))], ...pageXml(page)];
  },
});
