import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trimAll } from './trim-all.ts';

test('trimall: ends trimmed, inner whitespace runs (folding included) become one space', () => {
  const cases: Array<[string, string]> = [
    ['', ''],
    ['value1', 'value1'],
    [' value1', 'value1'],
    ['"a   b   c"', '"a b c"'],
    ['a b', 'a b'],
    ['\tx\t', 'x'],
    ['value1\n  value2\n     value3', 'value1 value2 value3'],
    ['a\r\n b', 'a b'],
    ['a\tb', 'a b'],
    ['   ', ''],
  ];
  for (const [raw, expected] of cases) assert.equal(trimAll(raw), expected, JSON.stringify(raw));
});
