/** CreateUser (sts-iam.md §5): a user in the caller's account, with path, boundary and tags. */
import { userArn } from '../../iam-arns.ts';
import { policyNotAttachable } from '../../iam-error.ts';
import { checkTags } from '../check-tags.ts';
import { iamAction } from '../iam-action.ts';
import { userXml } from '../iam-xml.ts';
import { IAM } from '../validation/iam-constraints.ts';

export const createUser = iamAction({
  action: 'CreateUser',
  iamAction: 'iam:CreateUser',
  parse: (input) => ({
    userName: input.required('UserName', IAM.userName),
    path: input.optional('Path', IAM.path) ?? '/',
    permissionsBoundary: input.optional('PermissionsBoundary', IAM.arn),
    tags: input.tags(),
  }),
  resource: (i, caller) => ({ kind: 'arn', arn: userArn(caller.account.accountId, i.path, i.userName) }),
  async handle(i, { store, caller }) {
    checkTags(i.tags);
    const accountId = caller.account.accountId;
    if (i.permissionsBoundary !== undefined && (await store.managedPolicies.get(accountId, i.permissionsBoundary)) === undefined) {
      throw policyNotAttachable(i.permissionsBoundary);
    }
    const user = await store.users.create({ accountId, userName: i.userName, path: i.path, permissionsBoundary: i.permissionsBoundary, tags: i.tags });
    return [['User', userXml(user, { full: true })]];
  },
});
