/**
 * What the STS actions are built from. Each piece is an interface so that the interim parts
 * (trust-policy evaluation, the caller's identity-policy check) can be replaced by the policy
 * engine without touching the actions.
 */
import type { Principal } from '../auth/principal.ts';
import type { SessionTokenCodec } from './session-token/session-token-codec.ts';
import type { StsDirectory } from './sts-directory.ts';
import type { TemporarySession } from './temporary-session.ts';
import type { TrustPolicyEvaluator } from './trust-policy/trust-caller.ts';
import type { WebIdentityVerifier } from './web-identity/web-identity-verifier.ts';

/**
 * Do the caller's own identity-based policies allow `action` on `resource`? Asked when a trust
 * policy names the caller's account rather than the caller (delegation), and for cross-account
 * calls (sts-iam.md §2.2, "Authorization of AssumeRole").
 */
export interface CallerPolicyCheck {
  allows(input: {
    principal: Exclude<Principal, { type: 'Anonymous' }>;
    /** The caller's temporary session, whose session policies limit it too; undefined for long-term keys. */
    session: TemporarySession | undefined;
    action: string;
    resource: string;
    context: ReadonlyMap<string, string | readonly string[]>;
  }): Promise<boolean>;
}

export interface StsDeps {
  directory: StsDirectory;
  codec: SessionTokenCodec;
  trust: TrustPolicyEvaluator;
  callerPolicies: CallerPolicyCheck;
  webIdentity: WebIdentityVerifier;
}
