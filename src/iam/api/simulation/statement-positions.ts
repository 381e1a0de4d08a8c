/**
 * Where each statement of a policy text sits, for the simulation's `StartPosition` and
 * `EndPosition` (`Statement` of the IAM model: `Line`, `Column`). The engine keeps no source
 * positions, so this re-reads the text — already accepted by the engine's strict JSON reader —
 * and finds the top-level `Statement` value: one object, or each element of its array.
 *
 * [uncertain] AWS does not document the numbering. Lines and columns here are 1-based (as
 * editors count them); the start is the statement's `{` and the end its `}` (inclusive);
 * columns count UTF-16 code units.
 */

export interface TextPosition {
  line: number;
  column: number;
}

export interface StatementSpan {
  start: TextPosition;
  end: TextPosition;
}

/** One span per statement, in document order; undefined when the text cannot be read so. */
export function statementPositions(text: string): StatementSpan[] | undefined {
  try {
    const offsets = statementOffsets(text);
    if (offsets === undefined) return undefined;
    const lines = lineStarts(text);
    return offsets.map(([start, end]) => ({ start: positionOf(lines, start), end: positionOf(lines, end) }));
  } catch {
    return undefined;
  }
}

/** [first, last] character offsets of each statement object. */
function statementOffsets(text: string): Array<[number, number]> | undefined {
  let i = skipSpace(text, 0);
  if (text[i] !== '{') return undefined;
  i = skipSpace(text, i + 1);
  while (i < text.length && text[i] !== '}') {
    if (text[i] !== '"') return undefined;
    const keyEnd = skipString(text, i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    i = skipSpace(text, keyEnd);
    if (text[i] !== ':') return undefined;
    i = skipSpace(text, i + 1);
    if (key === 'Statement') return statementsAt(text, i);
    i = skipSpace(text, skipValue(text, i));
    if (text[i] === ',') i = skipSpace(text, i + 1);
  }
  return undefined;
}

function statementsAt(text: string, i: number): Array<[number, number]> | undefined {
  if (text[i] === '{') return [[i, skipValue(text, i) - 1]];
  if (text[i] !== '[') return undefined;
  const spans: Array<[number, number]> = [];
  i = skipSpace(text, i + 1);
  while (i < text.length && text[i] !== ']') {
    const end = skipValue(text, i);
    spans.push([i, end - 1]);
    i = skipSpace(text, end);
    if (text[i] === ',') i = skipSpace(text, i + 1);
  }
  return spans;
}

/** The offset just past the JSON value starting at `i`. */
function skipValue(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return skipString(text, i);
  if (c !== '{' && c !== '[') {
    while (i < text.length && !',}] \t\r\n'.includes(text[i]!)) i++;
    return i;
  }
  let depth = 0;
  while (i < text.length) {
    const d = text[i]!;
    if (d === '"') {
      i = skipString(text, i);
      continue;
    }
    if (d === '{' || d === '[') depth++;
    else if (d === '}' || d === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  throw new Error('unterminated value');
}

/** The offset just past the string whose opening quote is at `i`. */
function skipString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === '"') return j + 1;
  }
  throw new Error('unterminated string');
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  return i;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function positionOf(lines: readonly number[], offset: number): TextPosition {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lines[lo]! + 1 };
}
