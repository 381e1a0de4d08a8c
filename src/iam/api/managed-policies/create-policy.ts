/** CreatePolicy: a customer managed policy, version v1 as its default (≤ 6,144 characters). */
import { policyArn } from '../../iam-arns.ts';
import { MANAGED_POLICY_MAX } from '../../policy-document/policy-size.ts';
import { checkIdentityPolicy } from '../check-policy-document.ts';
import { checkTags } from '../check-tags.ts';
import { iamAction } from '../iam-action.ts';
import { policyXml } from '../iam-xml.ts';
import { IAM } from '../validation/iam-constraints.ts';

export const createPolicy = iamAction({
  action: 'CreatePolicy',
  iamAction: 'iam:CreatePolicy',
  parse: (input) => ({
    policyName: input.required('PolicyName', IAM.policyName),
    path: input.optional('Path', IAM.policyPath) ?? '/',
    policyDocument: input.required('PolicyDocument', IAM.policyDocument),
    description: input.optional('Description', IAM.policyDescription),
    tags: input.tags(),
  }),
  resource: (i, caller) => ({ kind: 'arn', arn: policyArn(caller.account.accountId, i.path, i.policyName) }),
  async handle(i, { store, caller }) {
    checkTags(i.tags);
    checkIdentityPolicy(i.policyDocument, { maxSize: MANAGED_POLICY_MAX });
    const policy = await store.managedPolicies.create({
      accountId: caller.account.accountId,
      policyName: i.policyName,
      path: i.path,
      description: i.description,
      document: i.policyDocument,
      tags: i.tags,
    });
    return [['Policy', policyXml(policy, { description: true })]];
  },
});
