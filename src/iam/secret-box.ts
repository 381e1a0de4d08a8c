/**
 * Secrets at rest: AES-256-GCM under the master key. A sealed value is
 * `version(1) ‖ iv(12) ‖ tag(16) ‖ ciphertext`, so the format can move forward.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 1;

export class SecretBox {
  readonly #key: Buffer;
  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('master key must be 32 bytes');
    this.#key = masterKey;
  }

  seal(plaintext: string, associatedData: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(associatedData));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), body]);
  }

  /** Throws if the value was tampered with or sealed under another key or for another id. */
  open(sealed: Buffer, associatedData: string): string {
    if (sealed[0] !== VERSION) throw new Error('unknown sealed-secret version');
    const decipher = createDecipheriv('aes-256-gcm', this.#key, sealed.subarray(1, 13));
    decipher.setAAD(Buffer.from(associatedData));
    decipher.setAuthTag(sealed.subarray(13, 29));
    return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]).toString('utf8');
  }
}
