/** GetPolicy: a customer policy of the caller's account or an AWS managed policy. */
import { noSuchPolicy } from '../../iam-error.ts';
import { iamAction } from '../iam-action.ts';
import { policyXml } from '../iam-xml.ts';
import { IAM } from '../validation/iam-constraints.ts';

export const getPolicy = iamAction({
  action: 'GetPolicy',
  iamAction: 'iam:GetPolicy',
  parse: (input) => ({ policyArn: input.required('PolicyArn', IAM.arn) }),
  resource: (i) => ({ kind: 'arn', arn: i.policyArn }),
  async handle(i, { store, caller }) {
    const policy = await store.managedPolicies.get(caller.account.accountId, i.policyArn);
    if (policy === undefined) throw noSuchPolicy(i.policyArn);
    return [['Policy', policyXml(policy, { description: true })]];
  },
});
