/**
 * Who made a request, as authentication found it. The authorizer (authz/) decides what the
 * principal may do; nothing here grants anything.
 */
export interface Account {
  /** 12 digits. */
  accountId: string;
  /** 64 lower-case hex characters: the S3 canonical user id. */
  canonicalId: string;
  displayName: string;
  email: string;
}

export type Principal =
  | { type: 'Anonymous' }
  | { type: 'Account'; account: Account; arn: string }
  | {
      type: 'User';
      account: Account;
      arn: string;
      userName: string;
      /** Unique id, `AIDA…`. */
      userId: string;
    }
  | {
      type: 'AssumedRole';
      account: Account;
      /** The session ARN: arn:aws:sts::<acct>:assumed-role/<role>/<session>. */
      arn: string;
      /** The role ARN (aws:PrincipalArn). */
      roleArn: string;
      roleName: string;
      /** `AROA…:<session>` (aws:userid). */
      userId: string;
      sessionName: string;
    };

export function rootArn(accountId: string): string {
  return `arn:aws:iam::${accountId}:root`;
}

export function accountRoot(account: Account): Principal {
  return { type: 'Account', account, arn: rootArn(account.accountId) };
}

export const ANONYMOUS: Principal = { type: 'Anonymous' };
