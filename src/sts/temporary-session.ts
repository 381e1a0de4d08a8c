/**
 * The `session` of a SigningCredential made from temporary credentials: what the authorizer needs
 * beyond the principal — session policies (which intersect with the role's or user's policies,
 * sts-iam.md §3), and the facts behind `aws:TokenIssueTime`, `aws:MultiFactorAuthPresent` and
 * `aws:MultiFactorAuthAge` (policy-evaluation.md §5.1). Long-term keys have no session: for them
 * `aws:TokenIssueTime` and `aws:MultiFactorAuthPresent` are absent.
 *
 * Its `issuedAt` / `mfaAuthenticatedAt` are the shape `buildS3RequestContext` takes as `session`
 * (src/authz/policy/build-s3-request-context.ts): `session: temporarySessionOf(auth.credential)`.
 */
import type { SigningCredential } from '../auth/credential-store.ts';
import type { SessionClaims, SessionOrigin } from './session-token/session-claims.ts';

export interface TemporarySession {
  readonly kind: 'sts-session';
  readonly origin: SessionOrigin;
  /** Epoch ms: `aws:TokenIssueTime`. */
  readonly issuedAt: number;
  readonly expiresAt: number;
  /** `aws:MultiFactorAuthPresent`: true only when the session was obtained with MFA. */
  readonly multiFactorAuthPresent: boolean;
  /** When MFA was verified (epoch ms), for `aws:MultiFactorAuthAge`. */
  readonly mfaAuthenticatedAt: number | undefined;
  /** Session policies. Empty (`policy` undefined and no ARNs): no session policy applies. */
  readonly policy: string | undefined;
  readonly policyArns: readonly string[];
  readonly roleChained: boolean;
  readonly sourceIdentity: string | undefined;
  readonly tags: ReadonlyArray<{ key: string; value: string }>;
  readonly transitiveTagKeys: readonly string[];
  readonly webIdentity: SessionClaims['webIdentity'];
}

export function temporarySessionFrom(claims: SessionClaims): TemporarySession {
  return {
    kind: 'sts-session',
    origin: claims.origin,
    issuedAt: claims.issuedAt,
    expiresAt: claims.expiresAt,
    multiFactorAuthPresent: claims.mfa !== undefined,
    mfaAuthenticatedAt: claims.mfa?.authenticatedAt,
    policy: claims.policy,
    policyArns: claims.policyArns ?? [],
    roleChained: claims.roleChained,
    sourceIdentity: claims.sourceIdentity,
    tags: claims.tags ?? [],
    transitiveTagKeys: claims.transitiveTagKeys ?? [],
    webIdentity: claims.webIdentity,
  };
}

/** The temporary session behind a credential, or undefined for long-term keys. */
export function temporarySessionOf(credential: Pick<SigningCredential, 'session'> | undefined): TemporarySession | undefined {
  const s = credential?.session as Partial<TemporarySession> | undefined;
  return s !== undefined && s !== null && s.kind === 'sts-session' ? (s as TemporarySession) : undefined;
}
