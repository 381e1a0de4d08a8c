/**
 * Session tokens: sealed, self-verifying, so any node holding the cluster's session key checks
 * them without a lookup (ARCHITECTURE.md, "Growing past one machine").
 *
 * Format (version 1), base64 (standard alphabet, `=` padding — AWS tokens are `[A-Za-z0-9+/=]`):
 *
 *     version (1 byte, 0x01) ‖ nonce (12 random bytes) ‖ ciphertext ‖ GCM tag (16 bytes)
 *
 * The ciphertext is AES-256-GCM over the UTF-8 JSON of `SessionClaims`, under the 32-byte session
 * key, with the version byte and the label `coffer-sts-session` as associated data. Any change to
 * any byte fails the tag: the token is then "malformed" (S3 answers InvalidToken). A token whose
 * claims name another access key id is "another session's token" (InvalidAccessKeyId) — the
 * caller decides that, not the codec.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { isSessionClaims, type SessionClaims } from './session-claims.ts';

const VERSION = 1;
const NONCE = 12;
const TAG = 16;
const LABEL = Buffer.from('coffer-sts-session');
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export class SessionTokenCodec {
  readonly #key: Buffer;
  readonly #random: (size: number) => Buffer;

  /** `random` is injectable so tests can pin nonces; defaults to crypto.randomBytes. */
  constructor(key: Buffer, options: { random?: (size: number) => Buffer } = {}) {
    if (key.length !== 32) throw new Error('the session key must be 32 bytes');
    this.#key = Buffer.from(key);
    this.#random = options.random ?? randomBytes;
  }

  seal(claims: SessionClaims): string {
    const nonce = this.#random(NONCE);
    const cipher = createCipheriv('aes-256-gcm', this.#key, nonce);
    cipher.setAAD(aad(VERSION));
    const body = Buffer.concat([cipher.update(JSON.stringify(claims), 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.of(VERSION), nonce, body, cipher.getAuthTag()]).toString('base64');
  }

  /** The claims, or undefined when the token is not one this key sealed (or was altered). */
  unseal(token: string): SessionClaims | undefined {
    if (token.length > 16_384 || !BASE64.test(token)) return undefined;
    const bytes = Buffer.from(token, 'base64');
    if (bytes.length < 1 + NONCE + 1 + TAG || bytes[0] !== VERSION) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, bytes.subarray(1, 1 + NONCE));
      decipher.setAAD(aad(VERSION));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG));
      const plain = Buffer.concat([decipher.update(bytes.subarray(1 + NONCE, bytes.length - TAG)), decipher.final()]);
      const claims: unknown = JSON.parse(plain.toString('utf8'));
      return isSessionClaims(claims) ? claims : undefined;
    } catch {
      return undefined;
    }
  }
}

function aad(version: number): Buffer {
  return Buffer.concat([Buffer.of(version), LABEL]);
}
