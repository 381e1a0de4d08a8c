/**
 * What the STS actions are built from, each piece an interface so tests can stand in for it.
 * Trust policies are evaluated by the policy engine (trust-policy/authorize-role-assumption.ts)
 * and need no dependency; the caller's own policies are read from IAM through `callerPolicies`.
 */
import type { NamedPolicy } from '../authz/policy/index.ts';
import type { SignedPrincipal } from './request-facts.ts';
import type { SessionTokenCodec } from './session-token/session-token-codec.ts';
import type { StsDirectory } from './sts-directory.ts';
import type { TemporarySession } from './temporary-session.ts';
import type { WebIdentityVerifier } from './web-identity/web-identity-verifier.ts';

/** The identity side of a decision (policy-evaluation.md §7.1), compiled for the policy engine. */
export interface CallerPolicySet {
  /** The user's (and its groups') or the role's inline and attached policies. */
  identityPolicies: readonly NamedPolicy[];
  permissionsBoundary?: NamedPolicy;
  /** Absent: the session has no session policies. Present and empty: it has some that allow nothing. */
  sessionPolicies?: readonly NamedPolicy[];
}

/**
 * The caller's own policies, which decide beside the role's trust policy whether it may assume
 * the role (sts-iam.md §2.2): its identity-based policies, permissions boundary, and the session
 * policies of the temporary session it signs with. Read at call time (AWS evaluates current policies).
 */
export interface CallerPolicies {
  load(caller: {
    principal: SignedPrincipal;
    /** The caller's temporary session, whose session policies limit it too; undefined for long-term keys. */
    session: TemporarySession | undefined;
  }): Promise<CallerPolicySet>;
}

export interface StsDeps {
  directory: StsDirectory;
  codec: SessionTokenCodec;
  callerPolicies: CallerPolicies;
  webIdentity: WebIdentityVerifier;
}
