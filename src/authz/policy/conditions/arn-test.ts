/**
 * ArnEquals / ArnLike (identical, §3) and their negations: both ARNs are split into their six
 * `:`-separated components (the sixth, the resource, keeps any further colons) and each
 * component is matched on its own, so a wildcard never spans a `:` between components.
 * A policy value that is not a six-part ARN matches nothing unless it is a lone `*`.
 */
import { type CompiledPattern, compilePattern, matchesAnything, slicePattern } from '../compile-pattern.ts';
import { matchPatternSlice } from '../match-pattern.ts';
import type { RequestContext } from '../request-context.ts';
import type { ValueTest } from './value-test.ts';

const COLON = 0x3a;

type ArnPattern = { any: true } | { any: false; parts: readonly CompiledPattern[] } | undefined;

export function compileArnTest(values: readonly string[], options: { variables: boolean }): ValueTest {
  const patterns = values.map((v) => compileArnPattern(v, options.variables));
  return (value, context) => {
    for (let i = 0; i < patterns.length; i++) if (matchArn(patterns[i], value, context)) return true;
    return false;
  };
}

function compileArnPattern(text: string, variables: boolean): ArnPattern {
  const whole = compilePattern(text, { wildcards: true, variables, foldCase: false });
  if (matchesAnything(whole)) return { any: true };
  const parts: CompiledPattern[] = [];
  let start = 0;
  for (let i = 0; i < whole.codes.length && parts.length < 5; i++) {
    if (whole.codes[i] === COLON) {
      parts.push(slicePattern(whole, start, i));
      start = i + 1;
    }
  }
  if (parts.length < 5) return undefined;
  parts.push(slicePattern(whole, start, whole.codes.length));
  return { any: false, parts };
}

function matchArn(p: ArnPattern, arn: string, context: RequestContext): boolean {
  if (p === undefined) return false;
  if (p.any) return true;
  let from = 0;
  for (let part = 0; part < 5; part++) {
    const colon = arn.indexOf(':', from);
    if (colon < 0) return false;
    if (!matchPatternSlice(p.parts[part]!, arn, from, colon, context)) return false;
    from = colon + 1;
  }
  return matchPatternSlice(p.parts[5]!, arn, from, arn.length, context);
}
