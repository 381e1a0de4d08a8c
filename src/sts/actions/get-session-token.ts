/**
 * GetSessionToken (sts-iam.md §2.3): a session with the caller's own permissions — the IAM user's,
 * or the account root's. DurationSeconds 900–129600 (default 43200) for users; the root's session
 * lasts at most an hour (default 3600) — a longer request is cut to one hour rather than refused,
 * as AWS's API reference says. Called with temporary credentials: 403 AccessDenied
 * `Cannot call GetSessionToken with session credentials` [AWS]. The response has Credentials only.
 */
import type { QueryAction } from '../../query-api/query-service.ts';
import { validationError } from '../../query-api/query-error.ts';
import { credentialsElement, issueSession } from '../issue-session.ts';
import { callerOf } from '../request-facts.ts';
import type { SessionSubject } from '../session-token/session-claims.ts';
import type { StsDeps } from '../sts-deps.ts';
import { getSessionTokenWithSession } from '../sts-errors.ts';
import { checkDurationSeconds, readDurationSeconds, readSerialNumber, readTokenCode, type Violations } from '../validation/read-sts-parameters.ts';
import { verifyMfa } from '../verify-mfa.ts';

export const USER_SESSION = { min: 900, max: 129_600, default: 43_200 } as const;
export const ROOT_SESSION_MAX = 3600;

export function getSessionToken(deps: Pick<StsDeps, 'codec' | 'directory'>): QueryAction {
  return {
    async handle(ctx) {
      const requested = readDurationSeconds(ctx.params);
      const v: Violations = [];
      checkDurationSeconds(requested, USER_SESSION, v);
      const serialNumber = readSerialNumber(ctx.params, v);
      const tokenCode = readTokenCode(ctx.params, v);
      if (v.length > 0) throw validationError(v);

      const caller = callerOf(ctx.auth);
      if (caller.session !== undefined) throw getSessionTokenWithSession();
      const now = ctx.clock.now();
      const mfa = await verifyMfa(deps.directory, { principal: caller.principal, serialNumber, tokenCode, now });

      const p = caller.principal;
      let subject: SessionSubject;
      let durationSeconds: number;
      if (p.type === 'User') {
        subject = { type: 'User', userName: p.userName, userId: p.userId, arn: p.arn };
        durationSeconds = requested ?? USER_SESSION.default;
      } else if (p.type === 'Account') {
        subject = { type: 'Account' };
        durationSeconds = Math.min(requested ?? ROOT_SESSION_MAX, ROOT_SESSION_MAX);
      } else {
        // Unreachable: an assumed-role principal always signs with session credentials.
        throw getSessionTokenWithSession();
      }
      const issued = issueSession(
        deps.codec,
        { accountId: p.account.accountId, origin: 'GetSessionToken', subject, roleChained: false, ...(mfa ? { mfa } : {}) },
        { now, durationSeconds },
      );
      return [credentialsElement(issued)];
    },
  };
}
