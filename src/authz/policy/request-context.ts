/**
 * The request facts policies test: condition key → one value or a set of values (§5). Keys
 * are case-insensitive (§2.4), so they are lower-cased once, here, and compiled conditions
 * look them up lower-cased without allocating.
 *
 * Build one per authorization with `RequestContext.from(…)` or `buildS3RequestContext(…)`.
 * A parsed IP address is remembered for the life of the context (one request).
 */
import type { VariableRef } from './compile-pattern.ts';
import { type IpAddress, parseIpAddress } from './conditions/parse-ip-address.ts';
import type { VariableSource } from './match-pattern.ts';

export type ContextValue = string | readonly string[];

export type ContextEntries =
  | Iterable<readonly [string, ContextValue]>
  | ReadonlyMap<string, ContextValue>
  | Readonly<Record<string, ContextValue | undefined>>;

export class RequestContext implements VariableSource {
  readonly #values: Map<string, ContextValue>;
  #ips: Map<string, IpAddress | null> | undefined;

  private constructor(values: Map<string, ContextValue>) {
    this.#values = values;
  }

  /** Keys in any case; a later spelling of the same key wins. Undefined values are skipped. */
  static from(entries: ContextEntries): RequestContext {
    const values = new Map<string, ContextValue>();
    const pairs: Iterable<readonly [string, ContextValue | undefined]> =
      Symbol.iterator in entries ? (entries as Iterable<readonly [string, ContextValue]>) : Object.entries(entries);
    for (const [k, v] of pairs) if (v !== undefined) values.set(k.toLowerCase(), v);
    return new RequestContext(values);
  }

  /** By lower-cased key (what compiled conditions hold). */
  get(keyLower: string): ContextValue | undefined {
    return this.#values.get(keyLower);
  }

  /** By key in any case. */
  lookup(key: string): ContextValue | undefined {
    return this.#values.get(key.toLowerCase());
  }

  /** Policy variables take single-valued keys only (§4); a one-element set counts as single. */
  variable(ref: VariableRef): string | undefined {
    const v = this.#values.get(ref.keyLower);
    if (typeof v === 'string') return v;
    if (v !== undefined && v.length === 1) return v[0];
    return ref.fallback;
  }

  /** An address value parsed once per request (undefined if it is not an address). */
  parsedIp(text: string): IpAddress | undefined {
    const cached = this.#ips?.get(text);
    if (cached !== undefined) return cached ?? undefined;
    const parsed = parseIpAddress(text) ?? null;
    (this.#ips ??= new Map()).set(text, parsed);
    return parsed ?? undefined;
  }

  entries(): IterableIterator<[string, ContextValue]> {
    return this.#values.entries();
  }
}
