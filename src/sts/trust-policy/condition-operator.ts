/**
 * INTERIM (to be replaced by the policy engine in src/authz/policy/ once it evaluates conditions):
 * one condition operator applied to one request value and the policy's values
 * (policy-evaluation.md §3). Negation, `IfExists`, `Null` and the set prefixes are handled by the
 * caller (`condition-matches.ts`); this file only answers "does this value match that one".
 */
import { globMatch } from './glob-match.ts';
import { ipInRange } from './ip-in-range.ts';

export type BaseOperator =
  | 'StringEquals'
  | 'StringEqualsIgnoreCase'
  | 'StringLike'
  | 'NumericEquals'
  | 'NumericLessThan'
  | 'NumericLessThanEquals'
  | 'NumericGreaterThan'
  | 'NumericGreaterThanEquals'
  | 'DateEquals'
  | 'DateLessThan'
  | 'DateLessThanEquals'
  | 'DateGreaterThan'
  | 'DateGreaterThanEquals'
  | 'Bool'
  | 'IpAddress'
  | 'ArnLike';

/** The operators with a negated twin, and what the twin is the negation of. */
const NEGATIONS: Record<string, BaseOperator> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  NumericNotEquals: 'NumericEquals',
  DateNotEquals: 'DateEquals',
  NotIpAddress: 'IpAddress',
  ArnNotEquals: 'ArnLike',
  ArnNotLike: 'ArnLike',
};

const BASES = new Set<string>([
  'StringEquals',
  'StringEqualsIgnoreCase',
  'StringLike',
  'NumericEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'IpAddress',
  'ArnLike',
]);

/** `ArnEquals` ≡ `ArnLike` (policy-evaluation.md §3). Undefined for an unknown operator. */
export function baseOperator(name: string): { base: BaseOperator; negated: boolean } | undefined {
  if (name === 'ArnEquals') return { base: 'ArnLike', negated: false };
  if (BASES.has(name)) return { base: name as BaseOperator, negated: false };
  const base = NEGATIONS[name];
  return base === undefined ? undefined : { base, negated: true };
}

export function valueMatches(op: BaseOperator, requestValue: string, policyValue: string): boolean {
  switch (op) {
    case 'StringEquals':
      return requestValue === policyValue;
    case 'StringEqualsIgnoreCase':
      return requestValue.toLowerCase() === policyValue.toLowerCase();
    case 'StringLike':
      return globMatch(policyValue, requestValue);
    case 'Bool':
      return requestValue.toLowerCase() === policyValue.toLowerCase();
    case 'IpAddress':
      return ipInRange(requestValue, policyValue);
    case 'ArnLike':
      return arnLike(requestValue, policyValue);
    default:
      return compare(op, requestValue, policyValue);
  }
}

function compare(op: BaseOperator, requestValue: string, policyValue: string): boolean {
  const numeric = op.startsWith('Numeric');
  const a = numeric ? Number(requestValue) : parseDate(requestValue);
  const b = numeric ? Number(policyValue) : parseDate(policyValue);
  if (requestValue.trim() === '' || Number.isNaN(a) || Number.isNaN(b)) return false;
  if (op.endsWith('GreaterThanEquals')) return a >= b;
  if (op.endsWith('GreaterThan')) return a > b;
  if (op.endsWith('LessThanEquals')) return a <= b;
  if (op.endsWith('LessThan')) return a < b;
  return a === b;
}

/** ISO-8601 date(-time) or epoch seconds, as an instant in ms. */
function parseDate(text: string): number {
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  return Date.parse(text);
}

/** Six `:`-separated components, each matched with wildcards that cannot span a `:`. */
function arnLike(value: string, pattern: string): boolean {
  const p = pattern.split(':');
  const v = value.split(':');
  if (p.length < 6 || v.length < 6) return false;
  const head = (parts: string[]) => [...parts.slice(0, 5), parts.slice(5).join(':')];
  const ph = head(p);
  const vh = head(v);
  return ph.every((part, i) => globMatch(part, vh[i]!));
}
