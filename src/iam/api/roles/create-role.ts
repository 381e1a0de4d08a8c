/**
 * CreateRole: a role with its trust policy (AssumeRolePolicyDocument, validated as a trust
 * policy: Principal required, no Resource, named users and roles must exist, 2,048 characters),
 * Description, MaxSessionDuration (3600–43200, default 3600), boundary and tags.
 */
import { roleArn } from '../../iam-arns.ts';
import { policyNotAttachable } from '../../iam-error.ts';
import { checkTrustPolicy } from '../check-policy-document.ts';
import { checkTags } from '../check-tags.ts';
import { iamAction } from '../iam-action.ts';
import { roleXml } from '../iam-xml.ts';
import { IAM, MAX_SESSION_DURATION } from '../validation/iam-constraints.ts';

export const createRole = iamAction({
  action: 'CreateRole',
  iamAction: 'iam:CreateRole',
  parse: (input) => ({
    path: input.optional('Path', IAM.path) ?? '/',
    roleName: input.required('RoleName', IAM.roleName),
    assumeRolePolicyDocument: input.required('AssumeRolePolicyDocument', IAM.policyDocument),
    description: input.optional('Description', IAM.roleDescription),
    maxSessionDuration: input.integer('MaxSessionDuration', MAX_SESSION_DURATION),
    permissionsBoundary: input.optional('PermissionsBoundary', IAM.arn),
    tags: input.tags(),
  }),
  resource: (i, caller) => ({ kind: 'arn', arn: roleArn(caller.account.accountId, i.path, i.roleName) }),
  async handle(i, { store, caller }) {
    checkTags(i.tags);
    await checkTrustPolicy(i.assumeRolePolicyDocument, store);
    const accountId = caller.account.accountId;
    if (i.permissionsBoundary !== undefined && (await store.managedPolicies.get(accountId, i.permissionsBoundary)) === undefined) {
      throw policyNotAttachable(i.permissionsBoundary);
    }
    const role = await store.roles.create({ accountId, ...i });
    return [['Role', roleXml(role, { full: false })]];
  },
});
