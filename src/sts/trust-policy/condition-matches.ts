/**
 * INTERIM (to be replaced by the policy engine in src/authz/policy/): a statement's `Condition`
 * block against the request context (policy-evaluation.md §2.4): operators ANDed, keys ANDed,
 * values ORed (NOR for negated operators); key names case-insensitive; a missing key fails a
 * positive operator and satisfies a negated one; `…IfExists` holds when the key is missing;
 * `Null` tests presence; `ForAnyValue:` / `ForAllValues:` for multivalued keys. Policy variables
 * (`${aws:username}`) are not substituted here. An unknown operator never matches.
 */
import { baseOperator, valueMatches } from './condition-operator.ts';

/** Request context: lower-cased key → value(s). */
export type ConditionContext = ReadonlyMap<string, string | readonly string[]>;

export function conditionMatches(condition: unknown, context: ConditionContext): boolean {
  if (condition === undefined) return true;
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) return false;
  for (const [operator, block] of Object.entries(condition)) {
    if (typeof block !== 'object' || block === null || Array.isArray(block)) return false;
    for (const [key, raw] of Object.entries(block)) {
      if (!keyMatches(operator, context.get(key.toLowerCase()), policyValues(raw))) return false;
    }
  }
  return true;
}

function keyMatches(operator: string, present: string | readonly string[] | undefined, values: string[]): boolean {
  let name = operator;
  let set: 'ForAnyValue' | 'ForAllValues' | undefined;
  const prefix = /^(ForAnyValue|ForAllValues):(.+)$/.exec(name);
  if (prefix) {
    set = prefix[1] as 'ForAnyValue' | 'ForAllValues';
    name = prefix[2]!;
  }
  if (name === 'Null') {
    const absent = present === undefined || (Array.isArray(present) && present.length === 0);
    return values.some((v) => v.toLowerCase() === String(absent));
  }
  const ifExists = name.endsWith('IfExists');
  if (ifExists) name = name.slice(0, -'IfExists'.length);
  const op = baseOperator(name);
  if (op === undefined) return false;

  const requestValues: readonly string[] = present === undefined ? [] : typeof present === 'string' ? [present] : present;
  if (set === 'ForAllValues') {
    return requestValues.every((r) => single(op, r, values));
  }
  if (requestValues.length === 0) {
    if (set === 'ForAnyValue') return false;
    return ifExists || op.negated;
  }
  if (set === 'ForAnyValue') return requestValues.some((r) => single(op, r, values));
  // A single-valued key (or several values without a set prefix): any of them decides.
  return op.negated ? requestValues.every((r) => single(op, r, values)) : requestValues.some((r) => single(op, r, values));
}

/** One request value against the policy's values: any matches (positive), none matches (negated). */
function single(op: { base: Parameters<typeof valueMatches>[0]; negated: boolean }, requestValue: string, values: string[]): boolean {
  const any = values.some((v) => valueMatches(op.base, requestValue, v));
  return op.negated ? !any : any;
}

function policyValues(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean').map(String);
}
