/** ListGroupsForUser: the groups a user belongs to, by name, paged. */
import { members } from '../../../query-api/query-xml.ts';
import { iamAction } from '../iam-action.ts';
import { groupXml } from '../iam-xml.ts';
import { pageXml, paginate } from '../paginate.ts';
import { IAM, MAX_ITEMS } from '../validation/iam-constraints.ts';

export const listGroupsForUser = iamAction({
  action: 'ListGroupsForUser',
  iamAction: 'iam:ListGroupsForUser',
  parse: (input) => ({
    userName: input.required('UserName', IAM.existingUserName),
    marker: input.optional('Marker', IAM.marker),
    maxItems: input.integer('MaxItems', MAX_ITEMS),
  }),
  resource: (i) => ({ kind: 'user', name: i.userName }),
  async handle(i, { store, caller }) {
    const page = paginate(await store.groups.groupsForUser(caller.account.accountId, i.userName), (g) => g.groupId, i);
    return [['Groups', members(page.items.map(groupXml))], ...pageXml(page)];
  },
});
