import { deriveSigningKey } from './derive-signing-key.ts';

export interface SigningKeyRequest {
  /**
   * Names the secret without revealing it, e.g. the access key id. Must change whenever the
   * secret behind it changes (AWS secrets never change for a key id; stores that re-key must add
   * a version).
   */
  identity: string;
  secret: string;
  date: string;
  region: string;
  service: string;
}

/**
 * Derived SigV4 signing keys by (secret identity, date, region, service), so the four key-
 * derivation HMACs run once per key and day rather than per request (ARCHITECTURE.md, "Built for
 * speed"). Bounded: past `maxEntries` the oldest entry goes. Entries are only ever created for
 * scopes that passed the region/service checks and a resolved key, so a client cannot flood it
 * with made-up scopes. One instance per credential store; no module state.
 */
export class SigningKeyCache {
  readonly #max: number;
  readonly #keys = new Map<string, Buffer>();

  constructor(options: { maxEntries?: number } = {}) {
    this.#max = Math.max(1, options.maxEntries ?? 10_000);
  }

  get(request: SigningKeyRequest): Buffer {
    const id = request.identity + '\n' + request.date + '\n' + request.region + '\n' + request.service;
    let key = this.#keys.get(id);
    if (key === undefined) {
      key = deriveSigningKey(request.secret, request.date, request.region, request.service);
      if (this.#keys.size >= this.#max) this.#keys.delete(this.#keys.keys().next().value!);
      this.#keys.set(id, key);
    }
    return key;
  }

  /** Drops every key derived from `identity` (the key was deleted or its secret replaced). */
  forget(identity: string): void {
    const prefix = identity + '\n';
    for (const id of this.#keys.keys()) if (id.startsWith(prefix)) this.#keys.delete(id);
  }

  get size(): number {
    return this.#keys.size;
  }
}
