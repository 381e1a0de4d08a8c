/**
 * The condition operators of §3, parsed from their spelling: an optional set qualifier
 * (`ForAllValues:` / `ForAnyValue:`), the base operator, an optional `IfExists` suffix (every
 * operator but `Null`). Names are matched case-insensitively (IAM's documentation spells them
 * one way; accepting other casings is the lenient reading — an unknown name is still rejected
 * with `Invalid Condition type : <name>`).
 */
export type OperatorFamily = 'string' | 'string-ignore-case' | 'string-like' | 'numeric' | 'date' | 'bool' | 'binary' | 'ip' | 'arn' | 'null';
export type Comparison = 'eq' | 'lt' | 'le' | 'gt' | 'ge';
export type SetQualifier = 'ForAllValues' | 'ForAnyValue';

export interface ConditionOperator {
  /** As written in the policy. */
  readonly text: string;
  /** Canonical base name, e.g. `StringNotLike`. */
  readonly name: string;
  readonly family: OperatorFamily;
  /** Negated operators hold when the request value matches none of the values (NOR, §2.4). */
  readonly negated: boolean;
  /** Numeric and date operators: how the request value compares with a policy value. */
  readonly comparison: Comparison;
  readonly ifExists: boolean;
  readonly set: SetQualifier | undefined;
}

type Base = Pick<ConditionOperator, 'name' | 'family' | 'negated' | 'comparison'>;

const BASES: Base[] = [
  ['StringEquals', 'string', false],
  ['StringNotEquals', 'string', true],
  ['StringEqualsIgnoreCase', 'string-ignore-case', false],
  ['StringNotEqualsIgnoreCase', 'string-ignore-case', true],
  ['StringLike', 'string-like', false],
  ['StringNotLike', 'string-like', true],
  ['BinaryEquals', 'binary', false],
  ['Bool', 'bool', false],
  ['IpAddress', 'ip', false],
  ['NotIpAddress', 'ip', true],
  ['ArnEquals', 'arn', false],
  ['ArnLike', 'arn', false],
  ['ArnNotEquals', 'arn', true],
  ['ArnNotLike', 'arn', true],
  ['Null', 'null', false],
].map(([name, family, negated]) => ({ name, family, negated, comparison: 'eq' }) as Base);

for (const family of ['numeric', 'date'] as const) {
  const prefix = family === 'numeric' ? 'Numeric' : 'Date';
  BASES.push(
    { name: `${prefix}Equals`, family, negated: false, comparison: 'eq' },
    { name: `${prefix}NotEquals`, family, negated: true, comparison: 'eq' },
    { name: `${prefix}LessThan`, family, negated: false, comparison: 'lt' },
    { name: `${prefix}LessThanEquals`, family, negated: false, comparison: 'le' },
    { name: `${prefix}GreaterThan`, family, negated: false, comparison: 'gt' },
    { name: `${prefix}GreaterThanEquals`, family, negated: false, comparison: 'ge' },
  );
}

const BY_NAME = new Map(BASES.map((b) => [b.name.toLowerCase(), b]));

/** undefined for an operator §3 does not define. */
export function parseConditionOperator(text: string): ConditionOperator | undefined {
  let rest = text;
  let set: SetQualifier | undefined;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const q = rest.slice(0, colon).toLowerCase();
    if (q === 'forallvalues') set = 'ForAllValues';
    else if (q === 'foranyvalue') set = 'ForAnyValue';
    else return undefined;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  if (rest.toLowerCase().endsWith('ifexists')) {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  const base = BY_NAME.get(rest.toLowerCase());
  if (base === undefined) return undefined;
  // Null tests presence itself: it has no IfExists form and no set form (§3).
  if (base.family === 'null' && (ifExists || set !== undefined)) return undefined;
  return { text, ...base, ifExists, set };
}

export const OPERATOR_NAMES: readonly string[] = BASES.map((b) => b.name);
