/**
 * `--context key=value` for `coffer simulate`: each condition key is turned back into the part
 * of a request it comes from (a header, a query parameter, the connection, the signature), so
 * that the server's own gathering (src/s3/request-facts.ts, buildS3RequestContext) derives the
 * condition keys — the same code path, not a second one. Keys that come from stored state
 * (s3:ExistingObjectTag/…) or from the principal (aws:username, aws:PrincipalArn …) cannot be
 * given: they follow from the data directory and `--principal`.
 */
import type { AuthScheme } from '../../auth/authentication.ts';
import { parseIso8601 } from '../../lib/dates.ts';

export class SimulateInputError extends Error {}

export interface SimulatedFacts {
  /** Epoch ms of the request (aws:CurrentTime / aws:EpochTime); default: now. */
  now?: number;
  secure?: boolean;
  tlsVersion?: string;
  sourceIp?: string;
  /** s3:signatureAge in ms (the request was signed this long before `now`). */
  signatureAgeMs?: number;
  scheme?: AuthScheme;
  signatureVersion?: 'AWS4-HMAC-SHA256' | 'AWS';
  headers: Array<[string, string]>;
  query: Array<[string, string]>;
  /** The pairs as given, for the output. */
  given: Record<string, string>;
}

/** Condition keys that are a request header of the same name (without `s3:`). */
const HEADER_KEYS = new Set([
  'x-amz-acl',
  'x-amz-grant-read',
  'x-amz-grant-write',
  'x-amz-grant-read-acp',
  'x-amz-grant-write-acp',
  'x-amz-grant-full-control',
  'x-amz-copy-source',
  'x-amz-metadata-directive',
  'x-amz-server-side-encryption',
  'x-amz-server-side-encryption-aws-kms-key-id',
  'x-amz-server-side-encryption-customer-algorithm',
  'x-amz-storage-class',
  'x-amz-object-ownership',
  'x-amz-content-sha256',
  'if-match',
  'if-none-match',
]);
const QUERY_KEYS: Record<string, string> = { 's3:prefix': 'prefix', 's3:delimiter': 'delimiter', 's3:max-keys': 'max-keys', 's3:versionid': 'versionId' };
const AUTH_TYPES: Record<string, AuthScheme> = { 'REST-HEADER': 'v4-header', 'REST-QUERY-STRING': 'v4-query', POST: 'post-policy' };

export const SUPPORTED_CONTEXT_KEYS = [
  'aws:SourceIp',
  'aws:SecureTransport',
  'aws:UserAgent',
  'aws:Referer',
  'aws:CurrentTime',
  'aws:EpochTime',
  's3:signatureAge',
  's3:authType',
  's3:signatureversion',
  's3:TlsVersion',
  ...Object.keys(QUERY_KEYS).map((k) => (k === 's3:versionid' ? 's3:VersionId' : k)),
  ...[...HEADER_KEYS].map((h) => `s3:${h}`),
  's3:RequestObjectTag/<key>',
];

export function parseContext(pairs: readonly string[]): SimulatedFacts {
  const facts: SimulatedFacts = { headers: [], query: [], given: {} };
  const tags: string[] = [];
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new SimulateInputError(`--context "${pair}": expected key=value, e.g. aws:SourceIp=10.0.0.1`);
    const key = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1);
    facts.given[key] = value;
    const lower = key.toLowerCase();
    const bad = (what: string) => new SimulateInputError(`--context ${key}: "${value}" is not ${what}`);
    if (lower === 'aws:sourceip') facts.sourceIp = value;
    else if (lower === 'aws:securetransport') facts.secure = bool(value, bad);
    else if (lower === 'aws:useragent') facts.headers.push(['user-agent', value]);
    else if (lower === 'aws:referer') facts.headers.push(['referer', value]);
    else if (lower === 'aws:currenttime') facts.now = parseIso8601(value) ?? fail(bad('an ISO 8601 time (2024-05-01T12:00:00Z)'));
    else if (lower === 'aws:epochtime') facts.now = /^\d+$/.test(value) ? Number(value) * 1000 : fail(bad('a number of seconds since 1970'));
    else if (lower === 's3:signatureage') facts.signatureAgeMs = /^\d+$/.test(value) ? Number(value) : fail(bad('a number of milliseconds'));
    else if (lower === 's3:authtype') facts.scheme = AUTH_TYPES[value] ?? fail(bad('REST-HEADER, REST-QUERY-STRING or POST'));
    else if (lower === 's3:signatureversion') {
      if (value !== 'AWS4-HMAC-SHA256' && value !== 'AWS') throw bad('AWS4-HMAC-SHA256 or AWS');
      facts.signatureVersion = value;
    } else if (lower === 's3:tlsversion') {
      facts.tlsVersion = value;
      facts.secure ??= true;
    } else if (QUERY_KEYS[lower] !== undefined) facts.query.push([QUERY_KEYS[lower]!, value]);
    else if (lower.startsWith('s3:') && HEADER_KEYS.has(lower.slice(3))) facts.headers.push([lower.slice(3), value]);
    else if (lower.startsWith('s3:requestobjecttag/')) tags.push(`${encodeURIComponent(key.slice('s3:RequestObjectTag/'.length))}=${encodeURIComponent(value)}`);
    else {
      throw new SimulateInputError(
        `--context ${key}: not a key simulate can set. It sets: ${SUPPORTED_CONTEXT_KEYS.join(', ')}. ` +
          'Keys of the principal (aws:username, aws:PrincipalArn …) follow from --principal; s3:ExistingObjectTag/… from the stored object.',
      );
    }
  }
  if (tags.length > 0) facts.headers.push(['x-amz-tagging', tags.join('&')]);
  if (facts.signatureVersion === 'AWS' && facts.scheme === undefined) facts.scheme = 'v2-header';
  if (facts.signatureVersion === 'AWS' && facts.scheme !== undefined && facts.scheme.startsWith('v4')) facts.scheme = facts.scheme === 'v4-query' ? 'v2-query' : 'v2-header';
  return facts;
}

function bool(value: string, bad: (what: string) => Error): boolean {
  if (value.toLowerCase() === 'true') return true;
  if (value.toLowerCase() === 'false') return false;
  throw bad('true or false');
}

function fail(error: Error): never {
  throw error;
}
