/** GetGroup: the group and its members (paged). */
import { members } from '../../../query-api/query-xml.ts';
import { noSuchEntity } from '../../iam-error.ts';
import { iamAction } from '../iam-action.ts';
import { groupXml, userXml } from '../iam-xml.ts';
import { pageXml, paginate } from '../paginate.ts';
import { IAM, MAX_ITEMS } from '../validation/iam-constraints.ts';

export const getGroup = iamAction({
  action: 'GetGroup',
  iamAction: 'iam:GetGroup',
  parse: (input) => ({
    groupName: input.required('GroupName', IAM.groupName),
    marker: input.optional('Marker', IAM.marker),
    maxItems: input.integer('MaxItems', MAX_ITEMS),
  }),
  resource: (i) => ({ kind: 'group', name: i.groupName }),
  async handle(i, { store, caller }) {
    const accountId = caller.account.accountId;
    const group = await store.groups.get(accountId, i.groupName);
    if (group === undefined) throw noSuchEntity('group', i.groupName);
    const page = paginate(await store.groups.members(accountId, i.groupName), (u) => u.userId, i);
    return [['Group', groupXml(group)], ['Users', members(page.items.map((u) => userXml(u, { full: false })))], ...pageXml(page)];
  },
});
