/**
 * The `policy` field → PostPolicy (../shared/spec/sigv2-and-post.md §4.3): base64 of a UTF-8
 * JSON document with a required `expiration` (ISO 8601, UTC) and a required `conditions` list.
 * The two keys are case-sensitive (ceph/s3-tests against AWS: `EXPIRATION`, `CONDITIONS` → 400).
 * Every problem is 400 InvalidPolicyDocument "Invalid Policy: …", before the signature is checked.
 */
import { parseIso8601 } from '../../lib/dates.ts';
import { parsePolicyCondition } from './parse-policy-condition.ts';
import { invalidPolicy } from './post-errors.ts';
import type { PostPolicy } from './post-policy.ts';

export function decodePostPolicy(field: string): PostPolicy {
  const document = parsePolicyJson(decodeBase64(field));
  if (!('expiration' in document)) throw invalidPolicy('Policy missing expiration.');
  const expiration = typeof document.expiration === 'string' ? parseIso8601(document.expiration) : undefined;
  if (expiration === undefined) throw invalidPolicy(`Invalid 'expiration' value: '${display(document.expiration)}'`);
  if (!('conditions' in document)) throw invalidPolicy('Policy missing conditions.');
  if (!Array.isArray(document.conditions)) throw invalidPolicy("Invalid 'conditions' value: must be a List.");
  return { expiration, conditions: document.conditions.map(parsePolicyCondition) };
}

/**
 * Standard base64, padded. MIME line breaks and other white space are ignored (clients that
 * wrap their base64 still sign exactly what they send); anything else is refused.
 */
function decodeBase64(field: string): Buffer {
  const compact = field.replace(/[ \t\r\n]/g, '');
  if (compact.length === 0 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    throw invalidPolicy('invalid Base64 encoding.');
  }
  return Buffer.from(compact, 'base64');
}

/**
 * The JSON object, with the escapes AWS allows in policy strings beyond JSON's own: `\$` (a
 * literal dollar sign) and `\v` (vertical tab) (§4.3). Only escapes change; `\\` stays `\\`.
 */
function parsePolicyJson(bytes: Buffer): Record<string, unknown> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalidPolicy('Invalid JSON.');
  }
  const json = text.replace(/\\(.)/gs, (escape, c: string) => (c === '$' ? '$' : c === 'v' ? '\\u000b' : escape));
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch {
    throw invalidPolicy('Invalid JSON.');
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) throw invalidPolicy('Invalid JSON.');
  return document as Record<string, unknown>;
}

function display(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
}
