/**
 * Why an account operation (`coffer admin account …`, `coffer admin public-access-block`) was
 * refused. `code` tells a usage mistake (`invalid-input`) from a refusal of a well-formed request.
 */
export type AccountErrorCode =
  | 'invalid-input'
  | 'email-taken'
  | 'no-such-account'
  | 'default-account'
  | 'owns-buckets'
  | 'wrong-master-key';

export class AccountError extends Error {
  readonly code: AccountErrorCode;
  constructor(code: AccountErrorCode, message: string) {
    super(message);
    this.name = 'AccountError';
    this.code = code;
  }
}

export function noSuchAccount(accountId: string): AccountError {
  return new AccountError('no-such-account', `there is no account ${accountId} (coffer admin account list shows them)`);
}
