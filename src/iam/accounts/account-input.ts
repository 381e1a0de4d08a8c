/**
 * The rules for a new account's name and e-mail address, and for account ids. They follow AWS
 * Organizations' CreateAccount: AccountName 1–50 printable ASCII characters, Email 6–64
 * characters matching `[^\s@]+@[^\s@]+\.[^\s@]+`; an account id is 12 digits.
 */
import { AccountError } from './account-error.ts';

const NAME = /^[\u0020-\u007E]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ACCOUNT_ID = /^\d{12}$/;

export interface NewAccountInput {
  displayName: string;
  email: string;
}

/** The input, trimmed; throws AccountError('invalid-input') naming what is wrong. */
export function checkNewAccountInput(input: { displayName: string | undefined; email: string | undefined }): NewAccountInput {
  const displayName = input.displayName?.trim() ?? '';
  const email = input.email?.trim() ?? '';
  if (displayName === '') throw new AccountError('invalid-input', 'an account needs a name (--name)');
  if (displayName.length > 50) throw new AccountError('invalid-input', `the name "${displayName}" is longer than 50 characters`);
  if (!NAME.test(displayName)) throw new AccountError('invalid-input', `the name "${displayName}" may hold only printable ASCII characters`);
  if (email === '') throw new AccountError('invalid-input', 'an account needs an e-mail address (--email)');
  if (email.length < 6 || email.length > 64 || !EMAIL.test(email)) {
    throw new AccountError('invalid-input', `"${email}" is not an e-mail address (6–64 characters, like ops@example.com)`);
  }
  return { displayName, email };
}

/** Throws AccountError('invalid-input') unless `accountId` is 12 digits. */
export function checkAccountId(accountId: string | undefined): string {
  if (accountId === undefined || accountId === '') throw new AccountError('invalid-input', 'which account? give its 12-digit id');
  if (!ACCOUNT_ID.test(accountId)) throw new AccountError('invalid-input', `"${accountId}" is not an account id (12 digits)`);
  return accountId;
}
