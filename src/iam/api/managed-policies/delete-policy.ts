/** DeletePolicy: only once detached everywhere (and unused as a boundary) and down to one version. */
import { iamAction } from '../iam-action.ts';
import { IAM } from '../validation/iam-constraints.ts';

export const deletePolicy = iamAction({
  action: 'DeletePolicy',
  iamAction: 'iam:DeletePolicy',
  parse: (input) => ({ policyArn: input.required('PolicyArn', IAM.arn) }),
  resource: (i) => ({ kind: 'arn', arn: i.policyArn }),
  async handle(i, { store, caller }) {
    await store.managedPolicies.delete(caller.account.accountId, i.policyArn);
    return undefined;
  },
});
