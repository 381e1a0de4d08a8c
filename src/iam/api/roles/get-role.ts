/** GetRole: the role with its (URL-encoded) trust policy, boundary, tags. */
import { noSuchEntity } from '../../iam-error.ts';
import { iamAction } from '../iam-action.ts';
import { roleXml } from '../iam-xml.ts';
import { IAM } from '../validation/iam-constraints.ts';

export const getRole = iamAction({
  action: 'GetRole',
  iamAction: 'iam:GetRole',
  parse: (input) => ({ roleName: input.required('RoleName', IAM.roleName) }),
  resource: (i) => ({ kind: 'role', name: i.roleName }),
  async handle(i, { store, caller }) {
    const role = await store.roles.get(caller.account.accountId, i.roleName);
    if (role === undefined) throw noSuchEntity('role', i.roleName);
    return [['Role', roleXml(role, { full: true })]];
  },
});
