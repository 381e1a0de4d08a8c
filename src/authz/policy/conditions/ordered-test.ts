/**
 * Numeric* and Date* operators (§3): both sides are turned into numbers — decimals, or
 * instants in epoch milliseconds — and compared. A request value that does not parse matches
 * nothing; so does a policy value that does not parse (it is kept, and never satisfied).
 */
import type { Comparison } from './condition-operator.ts';
import { parseDecimal } from './parse-decimal.ts';
import { parsePolicyDate } from './parse-policy-date.ts';
import type { ValueTest } from './value-test.ts';

export function compileNumericTest(values: readonly string[], comparison: Comparison): ValueTest {
  return compileOrdered(values, comparison, parseDecimal);
}

export function compileDateTest(values: readonly string[], comparison: Comparison): ValueTest {
  return compileOrdered(values, comparison, parsePolicyDate);
}

function compileOrdered(values: readonly string[], comparison: Comparison, parse: (text: string) => number): ValueTest {
  const bounds = Float64Array.from(values, parse);
  const holds = COMPARE[comparison];
  return (value) => {
    const n = parse(value);
    if (Number.isNaN(n)) return false;
    for (let i = 0; i < bounds.length; i++) if (holds(n, bounds[i]!)) return true;
    return false;
  };
}

/** request ∘ policy; NaN on either side compares false. */
const COMPARE: Record<Comparison, (a: number, b: number) => boolean> = {
  eq: (a, b) => a === b,
  lt: (a, b) => a < b,
  le: (a, b) => a <= b,
  gt: (a, b) => a > b,
  ge: (a, b) => a >= b,
};
