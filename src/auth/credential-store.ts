/**
 * CredentialStore: finds the credential behind an access key id and signs with it. Secrets never
 * leave the store: callers get a `SigningCredential` whose methods compute HMACs, never the
 * secret itself. Long-term keys (AKIA…) and temporary ones (ASIA… + session token) are resolved
 * the same way, so every expiry and deactivation check lives in one place.
 */
import type { Principal } from './principal.ts';

export interface SigningCredential {
  accessKeyId: string;
  principal: Principal;
  /** When the credential stops working (temporary credentials), epoch ms. */
  expiresAt?: number;
  /** When the session was issued (aws:TokenIssueTime), for temporary credentials. */
  issuedAt?: number;
  /** The session token presented, for temporary credentials. */
  sessionToken?: string;
  /**
   * A session token was sent with a long-term key. AWS reports this (InvalidToken) only after the
   * signature has been verified, so it is carried here rather than failing the lookup.
   */
  strayToken?: string;
  /** Opaque to authentication: session policies etc. that the authorizer reads. */
  session?: unknown;
  /** SigV4 signing key for (date, region, service), cached by the store. */
  signingKey(date: string, region: string, service: string): Buffer;
  /** SigV2: base64 HMAC-SHA1 of `message` under the secret. */
  signV2(message: string): string;
}

/**
 * Why a credential could not be resolved; authentication turns each into AWS's error
 * (InvalidAccessKeyId, ExpiredToken, InvalidToken) at the point AWS checks it.
 */
export type CredentialFailure =
  | { failure: 'unknown-key' }
  | { failure: 'inactive-key' }
  | { failure: 'token-missing' }
  | { failure: 'token-mismatch' }
  | { failure: 'token-malformed' }
  | { failure: 'token-expired' }
  | { failure: 'principal-deleted' };

export interface CredentialStore {
  /**
   * Resolves an access key id (and the session token sent with it, if any) to a credential.
   * `now` is the request's time from the injected clock; expiry is decided against it.
   */
  resolve(accessKeyId: string, sessionToken: string | undefined, now: number): Promise<SigningCredential | CredentialFailure>;
}

export function isCredentialFailure(x: SigningCredential | CredentialFailure): x is CredentialFailure {
  return 'failure' in x;
}
