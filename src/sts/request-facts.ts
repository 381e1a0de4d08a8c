/**
 * The facts of an STS call that trust policies test (policy-evaluation.md §5.1): who calls
 * (aws:PrincipalArn, aws:PrincipalType, aws:userid, aws:username, aws:PrincipalAccount), with
 * what credentials (aws:TokenIssueTime, aws:MultiFactorAuthPresent / Age — absent for long-term
 * keys), from where and when (aws:SourceIp, aws:SecureTransport, aws:UserAgent, aws:CurrentTime,
 * aws:EpochTime). Keys are lower-cased, as conditions look them up.
 */
import type { Authentication } from '../auth/authentication.ts';
import type { Principal } from '../auth/principal.ts';
import type { S3Request } from '../s3/s3-request.ts';
import { temporarySessionOf, type TemporarySession } from './temporary-session.ts';

export type SignedPrincipal = Exclude<Principal, { type: 'Anonymous' }>;
export type ContextEntries = Map<string, string | readonly string[]>;

export interface Caller {
  principal: SignedPrincipal;
  /** The temporary session the call was signed with; undefined for long-term keys. */
  session: TemporarySession | undefined;
}

/** The signed caller of an action (the dispatcher refuses unsigned calls to signed actions). */
export function callerOf(auth: Authentication): Caller {
  if (auth.kind !== 'signed') throw new TypeError('STS action called without a signed caller');
  return { principal: auth.principal, session: temporarySessionOf(auth.credential) };
}

/** aws:PrincipalArn: the user, the role (not the session) or the root (§5.1). */
export function principalArn(principal: SignedPrincipal): string {
  return principal.type === 'AssumedRole' ? principal.roleArn : principal.arn;
}

export function requestContext(req: S3Request, now: number): ContextEntries {
  const context: ContextEntries = new Map();
  context.set('aws:sourceip', unmapped(req.remoteAddress));
  context.set('aws:securetransport', String(req.secure));
  context.set('aws:currenttime', new Date(now).toISOString().slice(0, 19) + 'Z');
  context.set('aws:epochtime', String(Math.floor(now / 1000)));
  const agent = req.headers.get('user-agent');
  if (agent !== undefined) context.set('aws:useragent', agent);
  return context;
}

export function addCallerContext(context: ContextEntries, caller: Caller, now: number): void {
  const p = caller.principal;
  context.set('aws:principalarn', principalArn(p));
  context.set('aws:principalaccount', p.account.accountId);
  context.set('aws:principaltype', p.type);
  context.set('aws:userid', p.type === 'Account' ? p.account.accountId : p.userId);
  if (p.type === 'User') context.set('aws:username', p.userName);
  const s = caller.session;
  if (s !== undefined) {
    context.set('aws:tokenissuetime', new Date(s.issuedAt).toISOString().slice(0, 19) + 'Z');
    context.set('aws:multifactorauthpresent', String(s.multiFactorAuthPresent));
    if (s.mfaAuthenticatedAt !== undefined) {
      context.set('aws:multifactorauthage', String(Math.floor((now - s.mfaAuthenticatedAt) / 1000)));
    }
  }
}

function unmapped(address: string): string {
  return address.toLowerCase().startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
