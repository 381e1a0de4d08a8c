/**
 * One entry of a policy's `conditions` (../shared/spec/sigv2-and-post.md §4.3):
 * - `{"acl": "public-read"}` — exactly one property, an exact match (≡ `["eq", "$acl", …]`);
 * - `["eq", "$field", "value"]`, `["starts-with", "$field", "prefix"]`;
 * - `["content-length-range", min, max]`.
 * Operators and field names are case-insensitive (ceph/s3-tests
 * test_post_object_case_insensitive_condition_fields: `["StArTs-WiTh", "$KeY", "foo"]`,
 * `{"bUcKeT": …}` pass on AWS). Structural problems are 400 InvalidPolicyDocument; bounds of
 * content-length-range that are not integers fail only when the condition is evaluated (403,
 * AWS-recorded), so they are kept as `bounds: undefined`.
 *
 * `text` is the condition as AWS prints it in "Policy Condition failed: …": a JSON array whose
 * elements are all shown as strings, separated by `, `; an object condition as its eq form.
 */
import { invalidPolicy } from './post-errors.ts';
import type { PolicyCondition } from './post-policy.ts';

export function parsePolicyCondition(raw: unknown): PolicyCondition {
  if (Array.isArray(raw)) return parseListCondition(raw);
  if (typeof raw === 'object' && raw !== null) return parseSimpleCondition(raw as Record<string, unknown>);
  // Not in AWS's recorded texts: the closest wording of its family.
  throw invalidPolicy('Invalid Condition: must be a List or an Object.');
}

function parseSimpleCondition(raw: Record<string, unknown>): PolicyCondition {
  const entries = Object.entries(raw);
  if (entries.length !== 1) throw invalidPolicy('Invalid Simple-Condition: Simple-Conditions must have exactly one property specified.');
  const [name, value] = entries[0]!;
  const text = scalar(value);
  if (text === undefined) throw invalidPolicy('Invalid Simple-Condition: value must be a string.');
  return { kind: 'match', operator: 'eq', field: name.toLowerCase(), value: text, text: print(['eq', '$' + name, text]) };
}

function parseListCondition(raw: unknown[]): PolicyCondition {
  const written = raw.length === 0 ? '' : (scalar(raw[0]) ?? JSON.stringify(raw[0]));
  const operator = written.toLowerCase();
  if (operator !== 'eq' && operator !== 'starts-with' && operator !== 'content-length-range') {
    throw invalidPolicy(`Invalid Condition: unknown operation '${written}'.`);
  }
  if (raw.length !== 3) throw invalidPolicy(`Invalid ${operator}: wrong number of arguments.`);
  const first = scalar(raw[1]);
  const second = scalar(raw[2]);
  const text = print([written, first ?? JSON.stringify(raw[1]), second ?? JSON.stringify(raw[2])]);
  if (operator === 'content-length-range') {
    const min = integer(raw[1]);
    const max = integer(raw[2]);
    return { kind: 'content-length-range', bounds: min === undefined || max === undefined ? undefined : { min, max }, text };
  }
  if (first === undefined || second === undefined) throw invalidPolicy(`Invalid ${operator}: arguments must be strings.`);
  if (!first.startsWith('$')) throw invalidPolicy(`Invalid ${operator}: the field name must start with '$'.`);
  return { kind: 'match', operator, field: first.slice(1).toLowerCase(), value: second, text };
}

/** Strings, and numbers written without quotes (`{"success_action_status": 201}`), as text. */
function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A JSON integer or a string of digits (optionally signed), as a number. */
function integer(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^[+-]?\d{1,15}$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

function print(elements: readonly string[]): string {
  return '[' + elements.map((e) => JSON.stringify(e)).join(', ') + ']';
}
