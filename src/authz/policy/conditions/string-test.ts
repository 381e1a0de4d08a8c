/**
 * StringEquals / StringEqualsIgnoreCase / StringLike and their negations (§3): exact
 * case-sensitive, case-insensitive, and glob (`*`, `?`) comparison. Policy variables (§4) are
 * allowed in all three in 2012-10-17 documents.
 */
import { compilePattern } from '../compile-pattern.ts';
import { matchPattern } from '../match-pattern.ts';
import type { ValueTest } from './value-test.ts';

export type StringMode = 'exact' | 'ignore-case' | 'like';

export function compileStringTest(values: readonly string[], mode: StringMode, options: { variables: boolean }): ValueTest {
  const patterns = values.map((v) =>
    compilePattern(v, { wildcards: mode === 'like', variables: options.variables, foldCase: mode === 'ignore-case' }),
  );
  if (patterns.length === 1) {
    const only = patterns[0]!;
    return (value, context) => matchPattern(only, value, context);
  }
  return (value, context) => {
    for (let i = 0; i < patterns.length; i++) if (matchPattern(patterns[i]!, value, context)) return true;
    return false;
  };
}
