/** UpdateAssumeRolePolicy: a new trust policy; sessions already issued keep working. */
import { noSuchEntity } from '../../iam-error.ts';
import { checkTrustPolicy } from '../check-policy-document.ts';
import { iamAction } from '../iam-action.ts';
import { IAM } from '../validation/iam-constraints.ts';

export const updateAssumeRolePolicy = iamAction({
  action: 'UpdateAssumeRolePolicy',
  iamAction: 'iam:UpdateAssumeRolePolicy',
  parse: (input) => ({ roleName: input.required('RoleName', IAM.roleName), policyDocument: input.required('PolicyDocument', IAM.policyDocument) }),
  resource: (i) => ({ kind: 'role', name: i.roleName }),
  async handle(i, { store, caller }) {
    // The role is looked up first: a missing role is NoSuchEntity whatever the document says.
    if ((await store.roles.get(caller.account.accountId, i.roleName)) === undefined) throw noSuchEntity('role', i.roleName);
    await checkTrustPolicy(i.policyDocument, store);
    await store.roles.updateAssumeRolePolicy(caller.account.accountId, i.roleName, i.policyDocument);
    return undefined;
  },
});
