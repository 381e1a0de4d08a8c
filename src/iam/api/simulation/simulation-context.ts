/**
 * The request context of a simulation: exactly the `ContextEntries` given, as AWS's simulator
 * uses them — nothing is derived from the call itself (the caller's address, the time), and a
 * key a policy tests but no entry supplies is reported in `MissingContextValues` instead.
 * Values are checked against their `ContextKeyType`; the `…List` types are multi-valued keys
 * (for `ForAnyValue:` / `ForAllValues:`), the others take one value.
 *
 * [uncertain] AWS's words for a value that does not fit its type, and for an entry without a
 * name; the code (InvalidInput) follows the model's errors for these operations.
 */
import { parseIpAddress } from '../../../authz/policy/conditions/parse-ip-address.ts';
import { RequestContext, type ContextValue } from '../../../authz/policy/index.ts';
import { parseIso8601 } from '../../../lib/dates.ts';
import { invalidInput } from '../../iam-error.ts';
import type { ContextEntryParam, ContextKeyType } from './simulation-params.ts';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

type Scalar = 'string' | 'numeric' | 'boolean' | 'ip' | 'binary' | 'date';

const VALID: Record<Scalar, (value: string) => boolean> = {
  string: () => true,
  numeric: (v) => NUMBER.test(v),
  boolean: (v) => v.toLowerCase() === 'true' || v.toLowerCase() === 'false',
  ip: (v) => parseIpAddress(v) !== undefined,
  binary: (v) => BASE64.test(v),
  date: (v) => /^\d+$/.test(v) || parseIso8601(v) !== undefined,
};

/** Throws IamError InvalidInput for an entry without a name or with a value its type refuses. */
export function simulationContext(entries: readonly ContextEntryParam[]): RequestContext {
  const pairs: Array<[string, ContextValue]> = [];
  for (const entry of entries) {
    if (entry.name === undefined) throw invalidInput('Each context entry must have a ContextKeyName.');
    const type: ContextKeyType = entry.type ?? (entry.values.length > 1 ? 'stringList' : 'string');
    const list = type.endsWith('List');
    const scalar = (list ? type.slice(0, -'List'.length) : type) as Scalar;
    for (const value of entry.values) {
      if (!VALID[scalar](value)) throw invalidInput(`The value '${value}' of context key ${entry.name} is not of type ${scalar}.`);
    }
    if (list) pairs.push([entry.name, entry.values]);
    else if (entry.values.length === 1) pairs.push([entry.name, entry.values[0]!]);
    else throw invalidInput(`Context key ${entry.name} of type ${type} takes exactly one value; use ${type}List for several.`);
  }
  return RequestContext.from(pairs);
}
