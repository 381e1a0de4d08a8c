/**
 * `--principal` for `coffer simulate`: `anonymous`, an account (`111122223333` or its `:root`
 * ARN), an IAM user or role ARN, or a role session ARN — resolved as authentication would
 * resolve the key of that principal: the account, user and role from the identity store, so
 * that the user's id, groups, policies and boundary are the stored ones. A principal the store
 * does not have (another account's, or no data directory) is made up from its ARN, and said so.
 */
import { createHash } from 'node:crypto';
import type { Account, Principal } from '../../auth/principal.ts';
import { accountRoot } from '../../auth/principal.ts';
import type { IamReader } from '../../iam/iam-store.ts';
import { SimulateInputError } from './parse-context.ts';

export interface PrincipalDirectory {
  getAccount(accountId: string): Promise<Account | undefined>;
  iam: Pick<IamReader, 'getUser' | 'getRole'>;
}

export interface ResolvedPrincipal {
  principal: Principal;
  notes: string[];
}

/** The session name given to a role ARN (sessions, not roles, make requests). */
export const SIMULATED_SESSION = 'coffer-simulate';

const ROOT = /^arn:aws:iam::(\d{12}):root$/;
const IAM = /^arn:aws:iam::(\d{12}):(user|role)(\/(?:[^/]+\/)*)([^/]+)$/;
const SESSION = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\/([^/]+)$/;

export async function resolvePrincipal(text: string, directory: PrincipalDirectory | undefined): Promise<ResolvedPrincipal> {
  const notes: string[] = [];
  if (text === 'anonymous' || text === '*') return { principal: { type: 'Anonymous' }, notes };
  const accountOf = async (accountId: string): Promise<Account> => {
    const found = await directory?.getAccount(accountId);
    if (found !== undefined) return found;
    notes.push(`account ${accountId} is not ${directory ? 'on this server' : 'known (no data directory)'}: its canonical id is made up, so no ACL grant names it`);
    return { accountId, canonicalId: createHash('sha256').update(`coffer-simulate:${accountId}`).digest('hex'), displayName: accountId, email: '' };
  };

  const root = /^\d{12}$/.test(text) ? text : ROOT.exec(text)?.[1];
  if (root !== undefined) return { principal: accountRoot(await accountOf(root)), notes };

  const session = SESSION.exec(text);
  const iam = IAM.exec(text);
  if (session === null && iam === null) {
    throw new SimulateInputError(
      `--principal "${text}": give anonymous, an account id, arn:aws:iam::<account>:root, arn:aws:iam::<account>:user/<name>, arn:aws:iam::<account>:role/<name> or arn:aws:sts::<account>:assumed-role/<role>/<session>`,
    );
  }
  if (iam !== null && iam[2] === 'user') {
    const [, accountId, , path, name] = iam as unknown as [string, string, string, string, string];
    const account = await accountOf(accountId);
    const user = await directory?.iam.getUser(accountId, name);
    if (user !== undefined && user.path === path) return { principal: { type: 'User', account, arn: user.arn, userName: user.userName, userId: user.userId }, notes };
    notes.push(`no IAM user ${text} ${directory ? 'on this server' : '(no data directory)'}: evaluated as a user with no stored policies`);
    return { principal: { type: 'User', account, arn: text, userName: name, userId: madeUpId('AIDA', text) }, notes };
  }
  const [accountId, roleName, sessionName, path] =
    session !== null ? [session[1]!, session[2]!, session[3]!, undefined] : [iam![1]!, iam![4]!, SIMULATED_SESSION, iam![3]!];
  if (session === null) notes.push(`a role makes requests through a session: evaluated as the session '${SIMULATED_SESSION}' of ${text}, with no session policy`);
  // A session policy lives only in the session's sealed token, never in the stores.
  else notes.push(`a session policy, if the session was given one, is not known here (it is sealed in the session token): evaluated without one`);
  const account = await accountOf(accountId);
  const role = await directory?.iam.getRole(accountId, roleName);
  const found = role !== undefined && (path === undefined || role.path === path);
  if (!found) notes.push(`no IAM role ${roleName} in account ${accountId} ${directory ? 'on this server' : '(no data directory)'}: evaluated as a role with no stored policies`);
  const roleArn = found ? role.arn : `arn:aws:iam::${accountId}:role${path ?? '/'}${roleName}`;
  const roleId = found ? role.roleId : madeUpId('AROA', roleArn);
  return {
    principal: {
      type: 'AssumedRole',
      account,
      arn: `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`,
      roleArn,
      roleName,
      userId: `${roleId}:${sessionName}`,
      sessionName,
    },
    notes,
  };
}

/** A stable, obviously invented unique id (`AIDA…`, `AROA…`) for a principal the store lacks. */
function madeUpId(prefix: string, arn: string): string {
  return prefix + createHash('sha256').update(arn).digest('hex').slice(0, 17).toUpperCase();
}
