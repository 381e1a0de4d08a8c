/**
 * A CredentialStore for inspecting a request without its server: it knows at most one secret
 * (`--secret`, or the user's own credentials when their key id matches) and answers for the
 * access key the request names. Without a secret, reaching the signature check throws
 * SecretUnknown — which tells the caller that every check before the signature passed.
 *
 * What only the real store knows (does the key exist, is it active, has the session expired) it
 * cannot say; it reproduces what can be told from the key id alone (errors.md §5): an ASIA… key
 * without a session token is InvalidAccessKeyId, a token sent with an AKIA… key is InvalidToken
 * after the signature.
 */
import { createHmac } from 'node:crypto';
import type { CredentialFailure, CredentialStore, SigningCredential } from '../../auth/credential-store.ts';
import { deriveSigningKey } from '../../auth/sigv4/derive-signing-key.ts';

export class SecretUnknown extends Error {
  constructor() {
    super('the secret access key is not known');
    this.name = 'SecretUnknown';
  }
}

const PLACEHOLDER_ACCOUNT = { accountId: '000000000000', canonicalId: '0'.repeat(64), displayName: 'inspect', email: '' };

export class OfflineCredentialStore implements CredentialStore {
  readonly #secret: string | undefined;
  /** What the verifier asked to sign with SigV2 (its string to sign, as text), in order. */
  readonly signedV2: Array<{ message: string; signature: string }> = [];
  constructor(secret: string | undefined) {
    this.#secret = secret;
  }

  async resolve(accessKeyId: string, sessionToken: string | undefined): Promise<SigningCredential | CredentialFailure> {
    if (accessKeyId.startsWith('ASIA') && sessionToken === undefined) return { failure: 'token-missing' };
    const secret = this.#secret;
    return {
      accessKeyId,
      principal: { type: 'Account', account: PLACEHOLDER_ACCOUNT, arn: `arn:aws:iam::${PLACEHOLDER_ACCOUNT.accountId}:root` },
      ...(sessionToken !== undefined && accessKeyId.startsWith('AKIA') ? { strayToken: sessionToken } : {}),
      ...(sessionToken !== undefined ? { sessionToken } : {}),
      signingKey: (date, region, service) => {
        if (secret === undefined) throw new SecretUnknown();
        return deriveSigningKey(secret, date, region, service);
      },
      signV2: (message) => {
        if (secret === undefined) throw new SecretUnknown();
        const signature = createHmac('sha1', secret).update(message, 'utf8').digest('base64');
        this.signedV2.push({ message, signature });
        return signature;
      },
    };
  }
}
