/**
 * Checks a POST form against its policy's conditions (../shared/spec/sigv2-and-post.md §4.3),
 * after the signature has proved the policy genuine:
 * 1. each condition, in the policy's order — the first that fails is the error, printed as AWS
 *    prints it: 403 "Invalid according to Policy: Policy Condition failed: ["eq", "$key", "a"]".
 *    `$key` is the key after `${filename}` expansion; `$bucket` is the bucket the request
 *    addresses; an absent field is the empty string (so `["starts-with", "$x", ""]` allows it
 *    to be left out). content-length-range is checked here only for well-formed bounds; the
 *    file's size is enforced while it streams (file-size-limit.ts);
 * 2. a session token in the form that no condition names fails as the condition it lacks
 *    (AWS-observed: `["eq", "$x-amz-security-token", "<token>"]`);
 * 3. every input must be named by some condition, except `policy`, `x-amz-signature`,
 *    `signature`, `file`, fields prefixed `x-ignore-` and the caller's `exempt` ones (V2's
 *    AWSAccessKeyId) → 403 "Invalid according to Policy: Extra input fields: a, b". The bucket
 *    is an input even when the form does not repeat it: a policy must say which bucket it is for.
 */
import { deniedByPolicy } from './post-errors.ts';
import type { PolicyCondition, PostPolicy } from './post-policy.ts';

export interface PolicyInput {
  /** Form fields by lower-cased name. */
  fields: ReadonlyMap<string, string>;
  /** The object key, `${filename}` expanded. */
  key: string;
  /** The bucket the request addresses. */
  bucket: string;
  /** Lower-cased field names that need no condition besides the always-exempt ones. */
  exempt: ReadonlySet<string>;
}

const ALWAYS_EXEMPT = new Set(['policy', 'x-amz-signature', 'signature', 'file']);
const TOKEN = 'x-amz-security-token';

export function checkPolicyConditions(policy: PostPolicy, input: PolicyInput): void {
  const named = new Set<string>();
  for (const condition of policy.conditions) {
    if (condition.kind === 'match') named.add(condition.field);
    if (!holds(condition, input)) throw deniedByPolicy(`Policy Condition failed: ${condition.text}`);
  }

  const token = input.fields.get(TOKEN);
  if (token !== undefined && !named.has(TOKEN)) {
    throw deniedByPolicy(`Policy Condition failed: ["eq", "$${TOKEN}", ${JSON.stringify(token)}]`);
  }

  const extra: string[] = [];
  if (!named.has('bucket') && !input.fields.has('bucket')) extra.push('bucket');
  for (const name of input.fields.keys()) {
    if (named.has(name) || ALWAYS_EXEMPT.has(name) || input.exempt.has(name) || name.startsWith('x-ignore-')) continue;
    extra.push(name);
  }
  if (extra.length > 0) throw deniedByPolicy(`Extra input fields: ${extra.join(', ')}`);
}

function holds(condition: PolicyCondition, input: PolicyInput): boolean {
  if (condition.kind === 'content-length-range') return condition.bounds !== undefined;
  const value = condition.field === 'bucket' ? input.bucket : condition.field === 'key' ? input.key : (input.fields.get(condition.field) ?? '');
  if (condition.operator === 'eq') return value === condition.value;
  // Content-Type may list several types; each must start with the prefix (§4.3).
  if (condition.field === 'content-type') return value.split(',').every((type) => type.trimStart().startsWith(condition.value));
  return value.startsWith(condition.value);
}
