import { deriveSigningKey } from './derive-signing-key.ts';

export interface SigningKeyRequest {
  /**
   * Names the secret without revealing it, e.g. the access key id. Must change whenever the
   * secret behind it changes (AWS secrets never change for a key id; stores that re-key must add
   * a version, or call `forget`).
   */
  identity: string;
  secret: string;
  date: string;
  region: string;
  service: string;
}

interface Entry {
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly key: Buffer;
}

/** Scopes remembered per identity: a key is used for today, briefly yesterday, one region. */
const PER_IDENTITY = 4;

/**
 * Derived SigV4 signing keys by (secret identity, date, region, service), so the four key-
 * derivation HMACs run once per key and day rather than per request (ARCHITECTURE.md, "Built for
 * speed"). Looked up per identity and then by comparing the three short scope strings, which is
 * several times cheaper than building a combined map key on every request. Bounded: at most
 * four scopes per identity, and past `maxEntries` the identities cached first go. Entries are only
 * created for scopes that passed the region/service checks and for resolved keys, so clients
 * cannot flood it with made-up scopes. One instance per credential store; no module state.
 */
export class SigningKeyCache {
  readonly #max: number;
  readonly #byIdentity = new Map<string, Entry[]>();
  #size = 0;

  constructor(options: { maxEntries?: number } = {}) {
    this.#max = Math.max(1, options.maxEntries ?? 10_000);
  }

  get(request: SigningKeyRequest): Buffer {
    let entries = this.#byIdentity.get(request.identity);
    if (entries !== undefined) {
      for (const e of entries) {
        if (e.date === request.date && e.region === request.region && e.service === request.service) return e.key;
      }
    } else {
      entries = [];
      this.#byIdentity.set(request.identity, entries);
    }
    const key = deriveSigningKey(request.secret, request.date, request.region, request.service);
    // Newest first: the scope in use today is found at once.
    entries.unshift({ date: request.date, region: request.region, service: request.service, key });
    this.#size++;
    if (entries.length > PER_IDENTITY) {
      entries.pop();
      this.#size--;
    }
    this.#evictBeyondMax(request.identity);
    return key;
  }

  /** Drops every key derived from `identity` (the key was deleted or its secret replaced). */
  forget(identity: string): void {
    const entries = this.#byIdentity.get(identity);
    if (entries === undefined) return;
    this.#size -= entries.length;
    this.#byIdentity.delete(identity);
  }

  get size(): number {
    return this.#size;
  }

  #evictBeyondMax(keep: string): void {
    for (const identity of this.#byIdentity.keys()) {
      if (this.#size <= this.#max) return;
      if (identity !== keep) this.forget(identity);
    }
  }
}
