/**
 * Compiled policies by their text: a policy is parsed and compiled once, however many requests
 * and principals use it (ARCHITECTURE.md, "compile policies"). Keyed by dialect and text, so an
 * edited policy is simply a new entry; bounded, oldest entries first out. A text that no longer
 * parses compiles to nothing (it grants nothing), and that too is remembered.
 */
import { PolicyError, type CompiledPolicy } from './policy/index.ts';

export class PolicyCache {
  readonly #entries = new Map<string, CompiledPolicy | PolicyError>();
  readonly #byHolder = new WeakMap<object, { dialect: string; text: string; entry: CompiledPolicy | PolicyError }>();
  readonly #max: number;

  constructor(options: { maxEntries?: number } = {}) {
    this.#max = options.maxEntries ?? 5000;
  }

  /**
   * `get`, remembered on the object that holds the text (a cached bucket configuration or IAM
   * policy row): the next request with the same object skips building and hashing the key —
   * for a 20 KB bucket policy, that was most of the lookup.
   */
  getFor(holder: object, dialect: string, text: string, compile: (text: string) => CompiledPolicy): CompiledPolicy | PolicyError {
    const hit = this.#byHolder.get(holder);
    if (hit !== undefined && hit.text === text && hit.dialect === dialect) return hit.entry;
    const entry = this.get(dialect, text, compile);
    this.#byHolder.set(holder, { dialect, text, entry });
    return entry;
  }

  /** The compiled policy, or the PolicyError that compiling it gave. */
  get(dialect: string, text: string, compile: (text: string) => CompiledPolicy): CompiledPolicy | PolicyError {
    const key = dialect + '\u0000' + text;
    let entry = this.#entries.get(key);
    if (entry === undefined) {
      try {
        entry = compile(text);
      } catch (e) {
        if (!(e instanceof PolicyError)) throw e;
        entry = e;
      }
      if (this.#entries.size >= this.#max) this.#entries.delete(this.#entries.keys().next().value!);
      this.#entries.set(key, entry);
    }
    return entry;
  }
}
