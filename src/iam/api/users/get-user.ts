/**
 * GetUser: the named user, or the caller itself when UserName is left out — for the account
 * root, AWS answers with the account id as UserId and the root ARN, without name or path.
 */
import { noSuchEntity } from '../../iam-error.ts';
import { callerUserName } from '../caller-user-name.ts';
import { iamAction } from '../iam-action.ts';
import { iamDate, userXml } from '../iam-xml.ts';
import { IAM } from '../validation/iam-constraints.ts';

export const getUser = iamAction({
  action: 'GetUser',
  iamAction: 'iam:GetUser',
  parse: (input) => ({ userName: input.optional('UserName', IAM.existingUserName) }),
  resource: (i, caller) => (i.userName === undefined ? { kind: 'arn', arn: caller.principal.arn } : { kind: 'user', name: i.userName }),
  async handle(i, { store, caller }) {
    const name = callerUserName(caller, i.userName);
    const accountId = caller.account.accountId;
    if (name === undefined) {
      const createdAt = await store.accountCreatedAt(accountId);
      return [
        [
          'User',
          [['UserId', accountId], ['Arn', caller.principal.arn], createdAt === undefined ? undefined : ['CreateDate', iamDate(createdAt)]],
        ],
      ];
    }
    const user = await store.users.get(accountId, name);
    if (user === undefined) throw noSuchEntity('user', name);
    return [['User', userXml(user, { full: true })]];
  },
});
