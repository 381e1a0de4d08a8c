/**
 * Actions whose `UserName` defaults to the caller (GetUser, CreateAccessKey, ListAccessKeys,
 * UpdateAccessKey, DeleteAccessKey): an IAM user means itself, the root means the account's
 * own credentials (undefined), and other callers must name the user ([AWS] wording).
 */
import { QueryApiError } from '../../query-api/query-error.ts';
import type { IamCaller } from './iam-action.ts';

export function callerUserName(caller: IamCaller, given: string | undefined): string | undefined {
  if (given !== undefined) return given;
  const p = caller.principal;
  if (p.type === 'User') return p.userName;
  if (p.type === 'Account') return undefined;
  throw new QueryApiError(400, 'ValidationError', 'Must specify userName when calling with non-User credentials');
}
