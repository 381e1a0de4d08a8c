/**
 * An in-memory CredentialStore for tests and examples: long-term keys and session credentials
 * held in a Map on the instance, signing keys derived through a SigningKeyCache. It resolves the
 * same failures a real store does, so authentication tests exercise every branch.
 */
import { createHmac } from 'node:crypto';
import type { CredentialFailure, CredentialStore, SigningCredential } from './credential-store.ts';
import type { Principal } from './principal.ts';
import { SigningKeyCache } from './sigv4/signing-key-cache.ts';

export interface MemoryCredential {
  accessKeyId: string;
  secretAccessKey: string;
  principal: Principal;
  /** Inactive keys resolve to `inactive-key` (default Active). */
  status?: 'Active' | 'Inactive';
  /** Makes this a temporary credential: requests must present exactly this token. */
  sessionToken?: string;
  /** Temporary credentials stop working at this instant (epoch ms). */
  expiresAt?: number;
  issuedAt?: number;
  session?: unknown;
  /** Simulates a session whose token cannot be unsealed (`token-malformed`). */
  malformedToken?: string;
  /** Simulates a principal deleted after the key was issued (`principal-deleted`). */
  principalDeleted?: boolean;
}

export class MemoryCredentialStore implements CredentialStore {
  readonly #entries = new Map<string, { spec: MemoryCredential; credential: SigningCredential }>();
  readonly #cache: SigningKeyCache;

  constructor(credentials: Iterable<MemoryCredential> = [], options: { cache?: SigningKeyCache } = {}) {
    this.#cache = options.cache ?? new SigningKeyCache();
    for (const c of credentials) this.add(c);
  }

  add(spec: MemoryCredential): void {
    const cache = this.#cache;
    const { accessKeyId, secretAccessKey: secret } = spec;
    const credential: SigningCredential = {
      accessKeyId,
      principal: spec.principal,
      expiresAt: spec.expiresAt,
      issuedAt: spec.issuedAt,
      sessionToken: spec.sessionToken,
      session: spec.session,
      signingKey: (date, region, service) => cache.get({ identity: accessKeyId, secret, date, region, service }),
      signV2: (message) => createHmac('sha1', secret).update(message, 'utf8').digest('base64'),
    };
    this.#cache.forget(accessKeyId);
    this.#entries.set(accessKeyId, { spec, credential });
  }

  remove(accessKeyId: string): void {
    this.#entries.delete(accessKeyId);
    this.#cache.forget(accessKeyId);
  }

  async resolve(accessKeyId: string, sessionToken: string | undefined, now: number): Promise<SigningCredential | CredentialFailure> {
    const entry = this.#entries.get(accessKeyId);
    if (entry === undefined) return { failure: 'unknown-key' };
    const { spec, credential } = entry;
    if (spec.status === 'Inactive') return { failure: 'inactive-key' };
    if (spec.principalDeleted === true) return { failure: 'principal-deleted' };
    if (spec.sessionToken === undefined) {
      // A token with a long-term key is AWS's InvalidToken, reported after the signature check.
      return sessionToken === undefined ? credential : { ...credential, strayToken: sessionToken };
    }
    if (sessionToken === undefined) return { failure: 'token-missing' };
    if (sessionToken === spec.malformedToken) return { failure: 'token-malformed' };
    if (sessionToken !== spec.sessionToken) return { failure: 'token-mismatch' };
    if (spec.expiresAt !== undefined && now >= spec.expiresAt) return { failure: 'token-expired' };
    return credential;
  }
}
