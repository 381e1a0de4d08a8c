/**
 * BinaryEquals (§3): the policy holds base64 text; context values of binary keys are base64
 * text too. Both sides are compared as the bytes they encode, so padding or line-wrapping
 * differences do not matter. No S3 condition key is binary; this exists for completeness.
 */
import type { ValueTest } from './value-test.ts';

export function compileBinaryTest(values: readonly string[]): ValueTest {
  const wanted = new Set(values.map(canonicalBase64));
  return (value) => wanted.has(canonicalBase64(value));
}

function canonicalBase64(text: string): string {
  return Buffer.from(text, 'base64').toString('base64');
}
