/**
 * Questions about what a compiled pattern could match, asked when a bucket policy is stored
 * (§1: a resource must be this bucket or its objects): can it match this exact text, and can
 * it match some text that starts with this prefix? A variable could be anything, so it counts
 * as `*`. A small NFA walk; compile time only.
 */
import { type CompiledPattern, foldCode, QMARK, STAR, VAR0 } from './compile-pattern.ts';

export function canMatchExactly(p: CompiledPattern, text: string): boolean {
  const live = statesAfter(p, text);
  return live[p.codes.length] === true;
}

export function canMatchWithPrefix(p: CompiledPattern, prefix: string): boolean {
  return statesAfter(p, prefix).some(Boolean);
}

function isAny(c: number): boolean {
  return c === STAR || c <= VAR0;
}

/** The pattern positions reachable after reading `text`, closed over empty `*` runs. */
function statesAfter(p: CompiledPattern, text: string): boolean[] {
  const n = p.codes.length;
  let live = close(p, [true, ...new Array<boolean>(n).fill(false)]);
  for (let i = 0; i < text.length; i++) {
    const ch = p.foldCase ? foldCode(text.charCodeAt(i)) : text.charCodeAt(i);
    const next = new Array<boolean>(n + 1).fill(false);
    for (let s = 0; s < n; s++) {
      if (!live[s]) continue;
      const c = p.codes[s]!;
      if (isAny(c)) next[s] = true;
      else if (c === QMARK || c === ch) next[s + 1] = true;
    }
    live = close(p, next);
    if (!live.some(Boolean)) break;
  }
  return live;
}

function close(p: CompiledPattern, states: boolean[]): boolean[] {
  for (let s = 0; s < p.codes.length; s++) if (states[s] && isAny(p.codes[s]!)) states[s + 1] = true;
  return states;
}
