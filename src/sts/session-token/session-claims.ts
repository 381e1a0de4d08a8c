/**
 * What a session token carries: everything needed to verify a request signed with temporary
 * credentials and to authorize it, so that any Coffer node can check it without a lookup
 * (ARCHITECTURE.md, "Growing past one machine"). Sealed by `SessionTokenCodec`.
 */

/** Who the session acts as. */
export type SessionSubject =
  /** GetSessionToken called with the account's root keys. */
  | { type: 'Account' }
  /** GetSessionToken called by an IAM user: the session has the user's permissions. */
  | { type: 'User'; userName: string; userId: string; arn: string }
  /** AssumeRole / AssumeRoleWithWebIdentity. `roleId` (AROA…) tells a recreated role apart. */
  | { type: 'AssumedRole'; roleName: string; roleId: string; roleArn: string; sessionName: string };

export type SessionOrigin = 'GetSessionToken' | 'AssumeRole' | 'AssumeRoleWithWebIdentity';

export interface SessionClaims {
  /** `ASIA…`, 20 characters: the key id this token belongs to. */
  accessKeyId: string;
  /** 40 characters; the secret the caller signs with. */
  secretAccessKey: string;
  accountId: string;
  /** Epoch ms, whole seconds: `aws:TokenIssueTime`. */
  issuedAt: number;
  /** Epoch ms, whole seconds: `issuedAt + DurationSeconds`, the `<Expiration>` of the response. */
  expiresAt: number;
  origin: SessionOrigin;
  subject: SessionSubject;
  /** Inline session policy (the `Policy` parameter), as sent. */
  policy?: string;
  /** Managed policies used as session policies (`PolicyArns.member.N.arn`). */
  policyArns?: string[];
  /** The caller was itself an assumed-role session (sessions capped at one hour). */
  roleChained: boolean;
  /** Present when the session was obtained with MFA: `aws:MultiFactorAuthPresent` = true. */
  mfa?: { serialNumber?: string; authenticatedAt: number };
  sourceIdentity?: string;
  tags?: Array<{ key: string; value: string }>;
  transitiveTagKeys?: string[];
  /** AssumeRoleWithWebIdentity: the token's issuer (`iss`), subject and audience. */
  webIdentity?: { provider: string; providerArn: string; subject: string; audience: string };
}

/** Checks the shape of decrypted JSON; anything else is a malformed token. */
export function isSessionClaims(x: unknown): x is SessionClaims {
  if (typeof x !== 'object' || x === null) return false;
  const c = x as Record<string, unknown>;
  return (
    typeof c.accessKeyId === 'string' &&
    typeof c.secretAccessKey === 'string' &&
    typeof c.accountId === 'string' &&
    typeof c.issuedAt === 'number' &&
    typeof c.expiresAt === 'number' &&
    (c.origin === 'GetSessionToken' || c.origin === 'AssumeRole' || c.origin === 'AssumeRoleWithWebIdentity') &&
    typeof c.roleChained === 'boolean' &&
    isSubject(c.subject)
  );
}

function isSubject(x: unknown): x is SessionSubject {
  if (typeof x !== 'object' || x === null) return false;
  const s = x as Record<string, unknown>;
  switch (s.type) {
    case 'Account':
      return true;
    case 'User':
      return typeof s.userName === 'string' && typeof s.userId === 'string' && typeof s.arn === 'string';
    case 'AssumedRole':
      return typeof s.roleName === 'string' && typeof s.roleId === 'string' && typeof s.roleArn === 'string' && typeof s.sessionName === 'string';
    default:
      return false;
  }
}
