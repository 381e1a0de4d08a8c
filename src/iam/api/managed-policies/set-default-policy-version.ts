/** SetDefaultPolicyVersion: which version is in force. */
import { iamAction } from '../iam-action.ts';
import { IAM } from '../validation/iam-constraints.ts';

export const setDefaultPolicyVersion = iamAction({
  action: 'SetDefaultPolicyVersion',
  iamAction: 'iam:SetDefaultPolicyVersion',
  parse: (input) => ({ policyArn: input.required('PolicyArn', IAM.arn), versionId: input.required('VersionId', IAM.policyVersionId) }),
  resource: (i) => ({ kind: 'arn', arn: i.policyArn }),
  async handle(i, { store, caller }) {
    await store.managedPolicies.setDefaultVersion(caller.account.accountId, i.policyArn, i.versionId);
    return undefined;
  },
});
