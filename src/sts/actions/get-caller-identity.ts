/**
 * GetCallerIdentity (sts-iam.md §2.5): who signed the call. No parameters; never denied.
 *
 * | caller                         | Arn                                              | UserId          |
 * | root (long-term or session)    | arn:aws:iam::<acct>:root                         | the account id  |
 * | IAM user (long-term or session)| arn:aws:iam::<acct>:user/<path><name>            | AIDA…           |
 * | role session                   | arn:aws:sts::<acct>:assumed-role/<role>/<session> | AROA…:<session> |
 */
import type { QueryAction } from '../../query-api/query-service.ts';
import { callerOf } from '../request-facts.ts';

export function getCallerIdentity(): QueryAction {
  return {
    async handle(ctx) {
      const { principal } = callerOf(ctx.auth);
      const accountId = principal.account.accountId;
      return [
        ['Arn', principal.arn],
        ['UserId', principal.type === 'Account' ? accountId : principal.userId],
        ['Account', accountId],
      ];
    },
  };
}
