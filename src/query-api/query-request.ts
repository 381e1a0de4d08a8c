/**
 * The parameters of a Query-protocol call: from a form-encoded POST body or the query string.
 * The first occurrence of a name wins (observed on AWS for Action, Version, RoleArn…); lists are
 * flattened as `Name.member.N` (1-based) and `Name.member.N.Field`.
 */
export class QueryParameters {
  readonly #first = new Map<string, string>();

  constructor(pairs: ReadonlyArray<readonly [string, string]>) {
    for (const [name, value] of pairs) if (!this.#first.has(name)) this.#first.set(name, value);
  }

  static fromForm(body: string): QueryParameters {
    return new QueryParameters([...new URLSearchParams(body)]);
  }

  get(name: string): string | undefined {
    return this.#first.get(name);
  }

  has(name: string): boolean {
    return this.#first.has(name);
  }

  /** `Name.member.1`, `Name.member.2`, … until the first gap. */
  list(name: string): string[] {
    const out: string[] = [];
    for (let i = 1; this.#first.has(`${name}.member.${i}`); i++) out.push(this.#first.get(`${name}.member.${i}`)!);
    return out;
  }

  /** `Name.member.N.Field` entries as records, until the first index with none of `fields`. */
  structList<F extends string>(name: string, fields: readonly F[]): Array<Partial<Record<F, string>>> {
    const out: Array<Partial<Record<F, string>>> = [];
    for (let i = 1; ; i++) {
      const item: Partial<Record<F, string>> = {};
      let any = false;
      for (const f of fields) {
        const v = this.#first.get(`${name}.member.${i}.${f}`);
        if (v !== undefined) {
          item[f] = v;
          any = true;
        }
      }
      if (!any) return out;
      out.push(item);
    }
  }
}
