/**
 * Matches a compiled pattern against text (or a slice of it, for ARN components) without
 * allocating: first the literal head and tail with native comparisons, then the classic
 * iterative wildcard walk with one backtrack point (the last `*`) over what lies between,
 * where a variable's value is read from the context as a run of literal characters.
 *
 * `?` matches one character; a surrogate pair counts as one. A pattern whose variable is
 * unresolved (absent key, no default, or a multivalued key) matches nothing (§4).
 */
import { type CompiledPattern, foldCode, QMARK, STAR, VAR0, type VariableRef } from './compile-pattern.ts';

export interface VariableSource {
  /** The single value of a variable's key, its default, or undefined. */
  variable(ref: VariableRef): string | undefined;
}

export function matchPattern(p: CompiledPattern, text: string, vars: VariableSource | undefined): boolean {
  return matchPatternSlice(p, text, 0, text.length, vars);
}

export function matchPatternSlice(p: CompiledPattern, text: string, from: number, to: number, vars: VariableSource | undefined): boolean {
  if (p.literal !== undefined) return to - from === p.literal.length && literalAt(p.literal, text, from, p.foldCase);
  // The anchored literal ends first: native comparisons settle most patterns here.
  const h = p.head.length;
  const t = p.tail.length;
  if (to - from < h + t) return false;
  if (h > 0 && !literalAt(p.head, text, from, p.foldCase)) return false;
  if (t > 0 && !literalAt(p.tail, text, to - t, p.foldCase)) return false;
  if (p.middleIsStars) return true;
  if (p.variables.length > 0) {
    if (vars === undefined) return false;
    for (let i = 0; i < p.variables.length; i++) if (vars.variable(p.variables[i]!) === undefined) return false;
  }
  return walk(p, h, p.codes.length - t, text, from + h, to - t, vars);
}

/**
 * Whether `literal` occurs in text at `at` (folded: literal is already lower-case). Compared
 * from its end: the patterns of one policy tend to share a long head (`arn:aws:s3:::bucket/`)
 * and differ just before the wildcard, so a mismatch is usually found on the first character.
 */
function literalAt(literal: string, text: string, at: number, fold: boolean): boolean {
  if (fold) {
    for (let i = literal.length - 1; i >= 0; i--) if (literal.charCodeAt(i) !== foldCode(text.charCodeAt(at + i))) return false;
  } else {
    for (let i = literal.length - 1; i >= 0; i--) if (literal.charCodeAt(i) !== text.charCodeAt(at + i)) return false;
  }
  return true;
}

/** codes[start, end) against text[from, to). */
function walk(p: CompiledPattern, start: number, end: number, text: string, from: number, to: number, vars: VariableSource | undefined): boolean {
  const codes = p.codes;
  const fold = p.foldCase;
  let pi = start;
  let value: string | undefined = valueAt(p, pi, end, vars); // the variable's value when codes[pi] is one
  let vo = 0; // offset inside that value
  let si = from;
  let starPi = -1;
  let starSi = 0;
  while (si < to) {
    if (pi < end) {
      const c = codes[pi]!;
      if (c === STAR) {
        starPi = pi++;
        starSi = si;
        value = valueAt(p, pi, end, vars);
        vo = 0;
        continue;
      }
      if (c === QMARK) {
        si += unitsOfCharAt(text, si, to);
        value = valueAt(p, ++pi, end, vars);
        vo = 0;
        continue;
      }
      if (c <= VAR0) {
        const v = value!;
        if (vo >= v.length) {
          value = valueAt(p, ++pi, end, vars);
          vo = 0;
          continue;
        }
        const want = fold ? foldCode(v.charCodeAt(vo)) : v.charCodeAt(vo);
        const got = fold ? foldCode(text.charCodeAt(si)) : text.charCodeAt(si);
        if (want === got) {
          vo++;
          si++;
          continue;
        }
      } else if (c === (fold ? foldCode(text.charCodeAt(si)) : text.charCodeAt(si))) {
        si++;
        value = valueAt(p, ++pi, end, vars);
        vo = 0;
        continue;
      }
    }
    if (starPi < 0) return false;
    pi = starPi + 1;
    value = valueAt(p, pi, end, vars);
    vo = 0;
    si = ++starSi;
  }
  // The text is consumed: what is left of the pattern must be able to match nothing.
  while (pi < end) {
    const c = codes[pi]!;
    if (c === STAR || (c <= VAR0 && vo >= value!.length)) {
      value = valueAt(p, ++pi, end, vars);
      vo = 0;
      continue;
    }
    return false;
  }
  return true;
}

function valueAt(p: CompiledPattern, pi: number, end: number, vars: VariableSource | undefined): string | undefined {
  if (pi >= end) return undefined;
  const c = p.codes[pi]!;
  return c <= VAR0 ? vars!.variable(p.variables[VAR0 - c]!) : undefined;
}

/** 2 for a surrogate pair starting at i (one character), else 1. */
function unitsOfCharAt(text: string, i: number, to: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}
