/** CreateGroup: a group in the caller's account (not a principal: it only carries policies). */
import { groupArn } from '../../iam-arns.ts';
import { iamAction } from '../iam-action.ts';
import { groupXml } from '../iam-xml.ts';
import { IAM } from '../validation/iam-constraints.ts';

export const createGroup = iamAction({
  action: 'CreateGroup',
  iamAction: 'iam:CreateGroup',
  parse: (input) => ({ groupName: input.required('GroupName', IAM.groupName), path: input.optional('Path', IAM.path) ?? '/' }),
  resource: (i, caller) => ({ kind: 'arn', arn: groupArn(caller.account.accountId, i.path, i.groupName) }),
  async handle(i, { store, caller }) {
    const group = await store.groups.create({ accountId: caller.account.accountId, groupName: i.groupName, path: i.path });
    return [['Group', groupXml(group)]];
  },
});
