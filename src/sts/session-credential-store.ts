/**
 * The CredentialStore every request resolves through: temporary credentials (ASIA… + session
 * token) are decided here, long-term keys (AKIA…) by the identity store it wraps. Because
 * presigned URLs resolve here too, a URL signed with session credentials dies with the session.
 *
 * For an ASIA key, in this order (errors.md §5 and §9.1 steps 11–12, sts-iam.md §3):
 *  1. no token                                   → token-missing    (403 InvalidAccessKeyId)
 *  2. token not sealed by our key / altered       → token-malformed  (400 InvalidToken, Token-0)
 *  3. token sealed for another access key id      → token-mismatch   (403 InvalidAccessKeyId)
 *  4. `now` ≥ expiry                              → token-expired    (400 ExpiredToken, Token-0)
 *     — before the deletion check: expired + deleted role is ExpiredToken, as on AWS
 *  5. account, role (same AROA id) or user gone   → principal-deleted (403 InvalidAccessKeyId)
 *  6. otherwise the credential: AssumedRole (or the User / account root for GetSessionToken),
 *     expiresAt, issuedAt, sessionToken and the TemporarySession as `session`.
 *
 * A presigned URL's own window (X-Amz-Date + X-Amz-Expires) is checked before the key is resolved
 * here, so a URL whose window and session have both ended answers `Request has expired`, not
 * ExpiredToken. errors.md §5 and its AWS-observed order (§9.1: step 9 before steps 11–12) say so;
 * sts-iam.md §3.1 says the opposite. We follow errors.md, whose ordering the verifier implements.
 */
import { createHmac } from 'node:crypto';
import type { CredentialFailure, CredentialStore, SigningCredential } from '../auth/credential-store.ts';
import { accountRoot, type Account } from '../auth/principal.ts';
import { SigningKeyCache } from '../auth/sigv4/signing-key-cache.ts';
import type { SessionClaims } from './session-token/session-claims.ts';
import type { SessionTokenCodec } from './session-token/session-token-codec.ts';
import { assumedRoleArn } from './sts-arns.ts';
import type { StsDirectory } from './sts-directory.ts';
import { temporarySessionFrom } from './temporary-session.ts';

export interface SessionCredentialStoreOptions {
  /** Resolves long-term keys (the identity store). */
  longTerm: CredentialStore;
  codec: SessionTokenCodec;
  directory: Pick<StsDirectory, 'account' | 'user' | 'role'>;
}

export class SessionCredentialStore implements CredentialStore {
  readonly #longTerm: CredentialStore;
  readonly #codec: SessionTokenCodec;
  readonly #directory: SessionCredentialStoreOptions['directory'];
  readonly #signingKeys = new SigningKeyCache();

  constructor(options: SessionCredentialStoreOptions) {
    this.#longTerm = options.longTerm;
    this.#codec = options.codec;
    this.#directory = options.directory;
  }

  async resolve(accessKeyId: string, sessionToken: string | undefined, now: number): Promise<SigningCredential | CredentialFailure> {
    if (!isTemporaryKeyId(accessKeyId)) return this.#longTerm.resolve(accessKeyId, sessionToken, now);
    if (sessionToken === undefined || sessionToken === '') return { failure: 'token-missing' };
    const claims = this.#codec.unseal(sessionToken);
    if (claims === undefined) return { failure: 'token-malformed' };
    if (claims.accessKeyId !== accessKeyId) return { failure: 'token-mismatch' };
    if (now >= claims.expiresAt) return { failure: 'token-expired' };
    const principal = await this.#principalOf(claims);
    if (principal === undefined) return { failure: 'principal-deleted' };

    const secret = claims.secretAccessKey;
    const cache = this.#signingKeys;
    return {
      accessKeyId,
      principal,
      expiresAt: claims.expiresAt,
      issuedAt: claims.issuedAt,
      sessionToken,
      session: temporarySessionFrom(claims),
      // ASIA ids are unique per session and their secret never changes: the id names the secret.
      signingKey: (date, region, service) => cache.get({ identity: accessKeyId, secret, date, region, service }),
      signV2: (message) => createHmac('sha1', secret).update(message, 'utf8').digest('base64'),
    };
  }

  /** The session's principal as it stands now, or undefined when its account, user or role is gone. */
  async #principalOf(claims: SessionClaims): Promise<SigningCredential['principal'] | undefined> {
    const account = await this.#directory.account(claims.accountId);
    if (account === undefined) return undefined;
    const subject = claims.subject;
    switch (subject.type) {
      case 'Account':
        return accountRoot(account);
      case 'User': {
        const user = await this.#directory.user(claims.accountId, subject.userName);
        if (user === undefined || user.userId !== subject.userId) return undefined;
        return { type: 'User', account, arn: user.arn, userName: user.userName, userId: user.userId };
      }
      case 'AssumedRole': {
        const role = await this.#directory.role(claims.accountId, subject.roleName);
        if (role === undefined || role.roleId !== subject.roleId) return undefined;
        return assumedRolePrincipal(account, role.arn, subject.roleName, subject.roleId, subject.sessionName);
      }
    }
  }
}

/** STS-issued access key ids start with ASIA (sts-iam.md §2.1). */
export function isTemporaryKeyId(accessKeyId: string): boolean {
  return accessKeyId.startsWith('ASIA');
}

export function assumedRolePrincipal(
  account: Account,
  roleArn: string,
  roleName: string,
  roleId: string,
  sessionName: string,
): Extract<SigningCredential['principal'], { type: 'AssumedRole' }> {
  return {
    type: 'AssumedRole',
    account,
    arn: assumedRoleArn(account.accountId, roleName, sessionName),
    roleArn,
    roleName,
    userId: `${roleId}:${sessionName}`,
    sessionName,
  };
}
