/** GetPolicyVersion: one version with its document (URL-encoded). */
import { iamAction } from '../iam-action.ts';
import { policyVersionXml } from '../iam-xml.ts';
import { IAM } from '../validation/iam-constraints.ts';

export const getPolicyVersion = iamAction({
  action: 'GetPolicyVersion',
  iamAction: 'iam:GetPolicyVersion',
  parse: (input) => ({ policyArn: input.required('PolicyArn', IAM.arn), versionId: input.required('VersionId', IAM.policyVersionId) }),
  resource: (i) => ({ kind: 'arn', arn: i.policyArn }),
  async handle(i, { store, caller }) {
    const version = await store.managedPolicies.getVersion(caller.account.accountId, i.policyArn, i.versionId);
    return [['PolicyVersion', policyVersionXml(version, { document: true })]];
  },
});
