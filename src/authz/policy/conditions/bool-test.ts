/** Bool (§3): `true`/`false`, case-insensitive on both sides; other policy values never match. */
import type { ValueTest } from './value-test.ts';

export function compileBoolTest(values: readonly string[]): ValueTest {
  const wantTrue = values.some((v) => v.toLowerCase() === 'true');
  const wantFalse = values.some((v) => v.toLowerCase() === 'false');
  return (value) => (wantTrue && isWord(value, 'true')) || (wantFalse && isWord(value, 'false'));
}

function isWord(value: string, lowerWord: string): boolean {
  if (value.length !== lowerWord.length) return false;
  for (let i = 0; i < value.length; i++) if ((value.charCodeAt(i) | 0x20) !== lowerWord.charCodeAt(i)) return false;
  return true;
}
