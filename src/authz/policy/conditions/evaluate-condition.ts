/**
 * Whether one compiled operator/key pair holds for the request (§2.4, §3):
 *
 * - key absent (or an empty set): `…IfExists` → true; `ForAllValues:` → true; `ForAnyValue:`
 *   → false; otherwise a positive operator is false and a negated one true. `Null` tests
 *   presence itself.
 * - one value: positive operators hold if it matches any policy value; negated ones if it
 *   matches none (NOR).
 * - a set with `ForAnyValue:`: some request value satisfies the operator; with
 *   `ForAllValues:`: every request value does.
 * - a set without a qualifier (a multivalued key used with a plain operator, which AWS advises
 *   against): read as ForAnyValue for positive operators and "no value matches" for negated
 *   ones — the same NOR the single-value case uses.
 *
 * Allocation-free: it runs for every condition of every statement that got this far.
 */
import type { RequestContext } from '../request-context.ts';
import type { CompiledCondition } from './compile-condition.ts';

export function evaluateCondition(c: CompiledCondition, context: RequestContext): boolean {
  const value = context.get(c.keyLower);
  const absent = value === undefined || (typeof value !== 'string' && value.length === 0);
  const op = c.operator;
  if (op.family === 'null') return absent ? c.nullAcceptsAbsent : c.nullAcceptsPresent;
  if (absent) {
    if (op.ifExists || op.set === 'ForAllValues') return true;
    if (op.set === 'ForAnyValue') return false;
    return op.negated;
  }
  if (typeof value === 'string') return op.negated ? !c.test(value, context) : c.test(value, context);
  if (op.set === 'ForAllValues') {
    for (let i = 0; i < value.length; i++) if (c.test(value[i]!, context) === op.negated) return false;
    return true;
  }
  if (op.set === 'ForAnyValue') {
    for (let i = 0; i < value.length; i++) if (c.test(value[i]!, context) !== op.negated) return true;
    return false;
  }
  let any = false;
  for (let i = 0; i < value.length && !any; i++) any = c.test(value[i]!, context);
  return op.negated ? !any : any;
}
