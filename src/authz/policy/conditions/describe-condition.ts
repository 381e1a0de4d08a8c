/**
 * A condition's outcome for one request, in data and in plain words, for decision traces and
 * `coffer explain`: `s3:signatureAge 700000 > 600000`, `aws:SecureTransport 'false' is 'false'`,
 * `s3:prefix 'home/bob/' does not match any of ['home/alice/*', 'home/alice']`,
 * `s3:signatureversion is absent (StringNotEquals holds without it)`. Explanation path only.
 */
import type { ConditionOutcome } from '../access-decision.ts';
import type { RequestContext } from '../request-context.ts';
import type { CompiledCondition } from './compile-condition.ts';
import type { ConditionOperator } from './condition-operator.ts';
import { evaluateCondition } from './evaluate-condition.ts';

/** [relation when the value matches a policy value, relation when it matches none]. */
function relation(op: ConditionOperator): [string, string] {
  switch (op.family) {
    case 'string':
    case 'binary':
      return ['equals', 'does not equal'];
    case 'string-ignore-case':
      return ['equals (ignoring case)', 'does not equal (ignoring case)'];
    case 'string-like':
    case 'arn':
      return ['matches', 'does not match'];
    case 'ip':
      return ['is in', 'is not in'];
    case 'bool':
      return ['is', 'is not'];
    case 'null':
      return ['is', 'is not'];
    case 'numeric':
    case 'date': {
      const sym = { eq: '=', lt: '<', le: '<=', gt: '>', ge: '>=' }[op.comparison];
      return op.comparison === 'eq' ? ['=', '!='] : [sym, `is not ${sym}`];
    }
  }
}

export function describeCondition(c: CompiledCondition, context: RequestContext): ConditionOutcome {
  const held = evaluateCondition(c, context);
  const value = context.get(c.keyLower);
  return {
    operator: c.node.operator,
    key: c.node.key,
    requestValue: value,
    policyValues: c.node.values,
    held,
    text: conditionText(c, value, held, context),
  };
}

function conditionText(c: CompiledCondition, value: ReturnType<RequestContext['get']>, held: boolean, context: RequestContext): string {
  const { key, operator } = c.node;
  const op = c.operator;
  const absent = value === undefined || (typeof value !== 'string' && value.length === 0);
  if (op.family === 'null') return `${key} is ${absent ? 'absent' : 'present'} (Null ${list(c, c.node.values)})`;
  if (absent) return `${key} is absent (${operator} ${held ? 'holds' : 'fails'} without it)`;
  if (typeof value === 'string' && op.set === undefined) {
    const [matches, misses] = relation(op);
    return `${key} ${show(c, value)} ${c.test(value, context) ? matches : misses} ${list(c, c.node.values)}`;
  }
  const values = typeof value === 'string' ? [value] : value;
  return `${operator} ${key} [${values.map((v) => show(c, v)).join(', ')}] vs ${list(c, c.node.values)}: ${held ? 'holds' : 'fails'}`;
}

function show(c: CompiledCondition, v: string): string {
  return c.operator.family === 'numeric' || c.operator.family === 'date' ? v : `'${v}'`;
}

function list(c: CompiledCondition, values: readonly string[]): string {
  return values.length === 1 ? show(c, values[0]!) : `any of [${values.map((v) => show(c, v)).join(', ')}]`;
}
