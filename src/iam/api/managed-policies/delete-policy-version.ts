/** DeletePolicyVersion: any version but the default (DeleteConflict). */
import { iamAction } from '../iam-action.ts';
import { IAM } from '../validation/iam-constraints.ts';

export const deletePolicyVersion = iamAction({
  action: 'DeletePolicyVersion',
  iamAction: 'iam:DeletePolicyVersion',
  parse: (input) => ({ policyArn: input.required('PolicyArn', IAM.arn), versionId: input.required('VersionId', IAM.policyVersionId) }),
  resource: (i) => ({ kind: 'arn', arn: i.policyArn }),
  async handle(i, { store, caller }) {
    await store.managedPolicies.deleteVersion(caller.account.accountId, i.policyArn, i.versionId);
    return undefined;
  },
});
