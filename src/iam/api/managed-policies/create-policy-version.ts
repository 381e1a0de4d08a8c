/**
 * CreatePolicyVersion: the next version (`v<n>`, never reused); SetAsDefault makes it the one
 * in force. Five versions at most (LimitExceeded); AWS managed policies are UnmodifiableEntity.
 */
import { MANAGED_POLICY_MAX } from '../../policy-document/policy-size.ts';
import { checkIdentityPolicy } from '../check-policy-document.ts';
import { iamAction } from '../iam-action.ts';
import { policyVersionXml } from '../iam-xml.ts';
import { IAM } from '../validation/iam-constraints.ts';

export const createPolicyVersion = iamAction({
  action: 'CreatePolicyVersion',
  iamAction: 'iam:CreatePolicyVersion',
  parse: (input) => ({
    policyArn: input.required('PolicyArn', IAM.arn),
    policyDocument: input.required('PolicyDocument', IAM.policyDocument),
    setAsDefault: input.boolean('SetAsDefault') ?? false,
  }),
  resource: (i) => ({ kind: 'arn', arn: i.policyArn }),
  async handle(i, { store, caller }) {
    const accountId = caller.account.accountId;
    // Existence and modifiability first, then the document.
    await store.managedPolicies.listVersions(accountId, i.policyArn);
    checkIdentityPolicy(i.policyDocument, { maxSize: MANAGED_POLICY_MAX });
    const version = await store.managedPolicies.createVersion(accountId, i.policyArn, i.policyDocument, { setAsDefault: i.setAsDefault });
    return [['PolicyVersion', policyVersionXml(version, { document: false })]];
  },
});
