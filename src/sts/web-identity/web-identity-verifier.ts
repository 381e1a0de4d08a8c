/**
 * Verifies the OIDC ID token of AssumeRoleWithWebIdentity (sts-iam.md §2.4) with jose: a JWT
 * whose issuer is a provider registered in the role's account, signed by one of that provider's
 * keys, for one of its client ids (`aud`), not expired — all against the injected clock. Each
 * failure is AWS's error:
 *
 * - not a JWT → 400 InvalidIdentityToken `The ID Token provided is not a valid JWT. (You may see
 *   this error if you sent an Access Token)` [AWS, user reports]
 * - no provider for `iss` → 400 InvalidIdentityToken `No OpenIDConnect provider found in your
 *   account for <iss>` [AWS, user reports]
 * - keys unavailable / no key for the token's `kid` → 400 InvalidIdentityToken `Couldn't retrieve
 *   verification key from your identity provider,  please reference AssumeRoleWithWebIdentity
 *   documentation for requirements` [AWS, user reports, double space as captured]
 * - bad signature → 400 InvalidIdentityToken `Token signature verification failed` [uncertain]
 * - `exp` past → 400 ExpiredTokenException `Token expired: current date/time <now> must be before
 *   the expiration date/time <exp>` (epoch seconds) [AWS, user reports]
 * - `aud` not a client id → 400 InvalidIdentityToken `Incorrect token audience` [uncertain]
 * - any other claim problem (`nbf` in the future, no `exp`) → 400 InvalidIdentityToken [uncertain words]
 */
import { decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import type { StsDirectory, StsOidcProvider } from '../sts-directory.ts';
import { expiredWebIdentityToken, invalidIdentityToken } from '../sts-errors.ts';
import type { JwksKeySets } from './jwks-key-sets.ts';

export interface VerifiedWebIdentity {
  provider: StsOidcProvider;
  /** `iss` as the token states it. */
  issuer: string;
  subject: string;
  /** The `aud` value that named one of the provider's client ids. */
  audience: string;
  claims: JWTPayload;
}

const NOT_A_JWT = 'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)';
const NO_KEY =
  "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements";
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

export class WebIdentityVerifier {
  readonly #keys: JwksKeySets;
  readonly #directory: Pick<StsDirectory, 'oidcProvider'>;

  constructor(options: { keys: JwksKeySets; directory: Pick<StsDirectory, 'oidcProvider'> }) {
    this.#keys = options.keys;
    this.#directory = options.directory;
  }

  async verify(token: string, input: { accountId: string; now: number }): Promise<VerifiedWebIdentity> {
    let unverified: JWTPayload;
    try {
      unverified = decodeJwt(token);
    } catch {
      throw invalidIdentityToken(NOT_A_JWT);
    }
    const issuer = typeof unverified.iss === 'string' ? unverified.iss : '';
    const provider = issuer === '' ? undefined : await this.#directory.oidcProvider(input.accountId, issuer);
    if (provider === undefined) throw invalidIdentityToken(`No OpenIDConnect provider found in your account for ${issuer}`);

    let keySet;
    try {
      keySet = await this.#keys.keySetFor(provider);
    } catch {
      throw invalidIdentityToken(NO_KEY);
    }
    try {
      const { payload } = await jwtVerify(token, keySet, {
        algorithms: ALGORITHMS,
        audience: [...provider.clientIds],
        currentDate: new Date(input.now),
        requiredClaims: ['exp'],
      });
      const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud ?? ''];
      const audience = aud.find((a) => provider.clientIds.includes(a)) ?? '';
      return { provider, issuer, subject: payload.sub ?? '', audience, claims: payload };
    } catch (e) {
      throw verificationError(e, input.now);
    }
  }
}

function verificationError(e: unknown, now: number): unknown {
  if (e instanceof errors.JWTExpired) {
    const exp = typeof e.payload.exp === 'number' ? e.payload.exp : 0;
    return expiredWebIdentityToken(Math.floor(now / 1000), exp);
  }
  if (e instanceof errors.JWTClaimValidationFailed) {
    return invalidIdentityToken(e.claim === 'aud' ? 'Incorrect token audience' : `Token claim ${e.claim} is invalid: ${e.reason}`);
  }
  if (e instanceof errors.JWKSNoMatchingKey || e instanceof errors.JWKSMultipleMatchingKeys || e instanceof errors.JWKSTimeout) {
    return invalidIdentityToken(NO_KEY);
  }
  if (e instanceof errors.JWSSignatureVerificationFailed) return invalidIdentityToken('Token signature verification failed');
  if (e instanceof errors.JOSEError) return invalidIdentityToken(NOT_A_JWT);
  if (e instanceof Error && /fetch|network|ECONN|timeout/i.test(e.message)) return invalidIdentityToken(NO_KEY);
  return e;
}
