/**
 * Compiles a policy string (an action, a resource, a condition value) once, when the policy is
 * stored, into an array of codes the matcher walks without allocating: a literal UTF-16 code
 * unit (≥ 0), STAR (`*`: any run, including empty, across `/` and `:`), QMARK (`?`: one
 * character), or a policy variable (§4) whose value is looked up in the request context at
 * match time.
 *
 * Substituted variable values are matched **literally**: a user named `a*` does not turn
 * `home/${aws:username}/*` into a wider pattern. AWS does not document this (§4: "uncertain");
 * escaping is the safe reading, and `${*}`, `${?}`, `${$}` are the documented way to write a
 * literal `*`, `?`, `$`.
 */
export const STAR = -1;
export const QMARK = -2;
/** Variable i is encoded as VAR0 - i. */
export const VAR0 = -3;

export interface VariableRef {
  /** As written, e.g. `aws:username`. */
  readonly key: string;
  /** Context keys are case-insensitive (§2.4): looked up lower-cased. */
  readonly keyLower: string;
  /** `${key, 'default'}`: used when the key is absent. */
  readonly fallback: string | undefined;
}

export interface CompiledPattern {
  readonly source: string;
  readonly codes: Int32Array;
  readonly variables: readonly VariableRef[];
  /** Set when the pattern has neither wildcards nor variables: plain (folded) equality. */
  readonly literal: string | undefined;
  /**
   * The literal text before the first and after the last wildcard or variable: the matcher
   * checks them first with native string comparison (most patterns are `prefix*`, `*suffix`
   * or `prefix*suffix`), then walks only what lies between.
   */
  readonly head: string;
  readonly tail: string;
  /** What lies between head and tail is only `*`s (so head and tail decide the match). */
  readonly middleIsStars: boolean;
  /** Compare ASCII letters case-insensitively; literal codes are stored lower-cased. */
  readonly foldCase: boolean;
}

export interface PatternOptions {
  /** `*` and `?` are wildcards (StringLike, ArnLike, Action, Resource) or plain text (StringEquals). */
  wildcards: boolean;
  /** `${…}` is a policy variable: only in 2012-10-17 documents, in Resource and string/ARN conditions. */
  variables: boolean;
  foldCase: boolean;
}

const ESCAPED: ReadonlyMap<string, number> = new Map([
  ['*', 0x2a],
  ['?', 0x3f],
  ['$', 0x24],
]);
const VARIABLE = /^\s*([^\s,]+)\s*(?:,\s*'([^']*)'\s*)?$/;

export function compilePattern(source: string, options: PatternOptions): CompiledPattern {
  const codes: number[] = [];
  const variables: VariableRef[] = [];
  for (let i = 0; i < source.length; ) {
    const c = source.charCodeAt(i);
    if (options.variables && c === 0x24 /* $ */ && source.charCodeAt(i + 1) === 0x7b /* { */) {
      const close = source.indexOf('}', i + 2);
      const body = close < 0 ? undefined : source.slice(i + 2, close);
      const escape = body === undefined ? undefined : ESCAPED.get(body);
      if (escape !== undefined) {
        codes.push(escape);
        i = close + 1;
        continue;
      }
      const m = body === undefined ? null : VARIABLE.exec(body);
      if (m !== null) {
        const [, key, fallback] = m as unknown as [string, string, string | undefined];
        variables.push({ key, keyLower: key.toLowerCase(), fallback });
        codes.push(VAR0 - (variables.length - 1));
        i = close + 1;
        continue;
      }
      // An unterminated or malformed `${…}` is plain text.
    }
    if (options.wildcards && c === 0x2a) {
      codes.push(STAR);
    } else if (options.wildcards && c === 0x3f) {
      codes.push(QMARK);
    } else {
      codes.push(options.foldCase ? foldCode(c) : c);
    }
    i++;
  }
  return finishPattern(source, Int32Array.from(codes), variables, options.foldCase);
}

function finishPattern(source: string, codes: Int32Array, variables: readonly VariableRef[], foldCase: boolean): CompiledPattern {
  const plain = codes.every((c) => c >= 0);
  let h = 0;
  while (h < codes.length && codes[h]! >= 0) h++;
  let t = codes.length;
  while (t > h && codes[t - 1]! >= 0) t--;
  const text = (from: number, to: number) => fromCodes(codes.subarray(from, to));
  return {
    source,
    codes,
    variables,
    literal: plain ? text(0, codes.length) : undefined,
    head: plain ? '' : text(0, h),
    tail: plain ? '' : text(t, codes.length),
    middleIsStars: !plain && codes.subarray(h, t).every((c) => c === STAR),
    foldCase,
  };
}

/**
 * Lower-cases one UTF-16 code unit for the IgnoreCase operators. ASCII without allocating;
 * other units through toLowerCase (rare in S3 requests), keeping the unit when lower-casing
 * would change the length (`İ` → `i̇`).
 */
export function foldCode(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
  return foldWide(c);
}

function foldWide(c: number): number {
  const lower = String.fromCharCode(c).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : c;
}

/** The codes [start, end) of a compiled pattern as a pattern of its own (ARN components). */
export function slicePattern(p: CompiledPattern, start: number, end: number): CompiledPattern {
  const codes = p.codes.slice(start, end);
  const used = new Map<number, number>();
  const variables: VariableRef[] = [];
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c <= VAR0) {
      let j = used.get(c);
      if (j === undefined) {
        j = variables.push(p.variables[VAR0 - c]!) - 1;
        used.set(c, j);
      }
      codes[i] = VAR0 - j;
    }
  }
  const source = fromCodes(Int32Array.from(codes, (c) => (c === STAR ? 0x2a : c === QMARK ? 0x3f : c < 0 ? 0x24 : c)));
  return finishPattern(source, codes, variables, p.foldCase);
}

/** The pattern is only `*`s: it matches any text. */
export function matchesAnything(p: CompiledPattern): boolean {
  return p.literal === undefined && p.head === '' && p.tail === '' && p.middleIsStars;
}

/** Code units to a string, in slices (spreading a long array into one call overflows the stack). */
function fromCodes(codes: Int32Array): string {
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.subarray(i, i + 8192));
  return out;
}
