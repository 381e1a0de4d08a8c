/**
 * Rows read by every request and rarely changed, kept decoded in memory: bucket state (with a
 * 20 KB bucket policy, reading and JSON-parsing it was the largest single cost of a GET —
 * bench/profile.ts policy) and the identity behind an access key.
 *
 * Whatever another connection commits — another process on the same file, e.g. `coffer admin`
 * — empties the cache: SQLite's `PRAGMA data_version` moves exactly then. It is read once per
 * turn of the event loop (it costs 1.5 µs, as much as the row lookup it saves), so another
 * process's change is seen from the next turn on. This connection's own writes either empty
 * the cache at once (`invalidateOn: 'any-write'`, for stores with many write paths and few
 * writes: `total_changes()` costs 0.06 µs, so it is read on every lookup), or the store calls
 * `forget` after each write that matters (`'forget-calls'`, for stores whose frequent writes —
 * objects — must not flush it). Cached values are frozen, because every request shares them.
 */
import type Database from 'better-sqlite3';

export class ReadCache<T extends object> {
  readonly #entries = new Map<string, T>();
  readonly #dataVersion: Database.Statement<[], number>;
  /** The rows this connection has changed, when its own writes invalidate. */
  readonly #ownChanges: Database.Statement<[], number> | undefined;
  readonly #max: number;
  #seenDataVersion = -1;
  #seenChanges = -1;
  #checkedThisTurn = false;
  readonly #nextTurn = () => {
    this.#checkedThisTurn = false;
  };

  constructor(db: Database.Database, options: { invalidateOn: 'any-write' | 'forget-calls'; maxEntries?: number }) {
    this.#dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
    this.#ownChanges = options.invalidateOn === 'any-write' ? db.prepare<[], number>('SELECT total_changes()').pluck() : undefined;
    this.#max = options.maxEntries ?? 10_000;
  }

  /** The cached value, or what `read` returns (cached unless undefined). */
  get(key: string, read: () => T | undefined): T | undefined {
    if (!this.#checkedThisTurn) {
      this.#checkedThisTurn = true;
      setImmediate(this.#nextTurn);
      const dataVersion = this.#dataVersion.get()!;
      if (dataVersion !== this.#seenDataVersion) {
        this.#entries.clear();
        this.#seenDataVersion = dataVersion;
      }
    }
    if (this.#ownChanges !== undefined) {
      const changes = this.#ownChanges.get()!;
      if (changes !== this.#seenChanges) {
        this.#entries.clear();
        this.#seenChanges = changes;
      }
    }
    const cached = this.#entries.get(key);
    if (cached !== undefined) return cached;
    const value = read();
    if (value === undefined) return undefined;
    if (this.#entries.size >= this.#max) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, deepFreeze(value));
    return value;
  }

  /** Call after this connection changed what `key` caches. */
  forget(key: string): void {
    this.#entries.delete(key);
  }
}

function deepFreeze<T>(value: T): T {
  // Buffers cannot be frozen (and cached rows never hand theirs out).
  if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
