/**
 * The first steps every policy takes, whatever stores it: the size limit, the JSON, a
 * top-level object, the grammar — then the dialect's rules and compilation.
 */
import { compilePolicy } from './compile-policy.ts';
import type { CompiledPolicy } from './compiled-policy.ts';
import type { DialectRules } from './dialect-rules.ts';
import { parsePolicyDocument } from './parse-policy-document.ts';
import { policyFault } from './policy-dialect.ts';
import { readStrictJson } from './read-strict-json.ts';

export interface SizeLimit {
  /** The limit, in the unit below. */
  max: number;
  /** S3 counts UTF-8 bytes; IAM counts characters other than white space (sts-iam.md §4.1). */
  unit: 'bytes' | 'non-whitespace-chars';
}

export function parsePolicyText(text: string, rules: DialectRules, limit: SizeLimit | undefined): CompiledPolicy {
  const { dialect } = rules;
  if (limit !== undefined && sizeOf(text, limit.unit) > limit.max) throw policyFault(dialect, 'too-large', String(limit.max));
  // S3: "the first byte must be '{'" — leading JSON white space is tolerated (a trailing
  // newline from a file is common; a leading one is no less harmless).
  const start = text.search(/[^ \t\r\n]/);
  if (start < 0 || text[start] !== '{') throw policyFault(dialect, 'not-object');
  const read = readStrictJson(text);
  if (!read.ok) throw policyFault(dialect, read.problem === 'duplicate-key' ? 'syntax' : 'invalid-json');
  if (!(read.value instanceof Map)) throw policyFault(dialect, 'not-object');
  return compilePolicy(text, parsePolicyDocument(read.value, dialect), rules);
}

function sizeOf(text: string, unit: SizeLimit['unit']): number {
  if (unit === 'bytes') return Buffer.byteLength(text, 'utf8');
  return text.replace(/\s/g, '').length;
}
