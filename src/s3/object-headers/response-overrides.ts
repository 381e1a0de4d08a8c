/**
 * GetObject/HeadObject `response-*` query parameters (../shared/spec/s3-core.md §4.5): each sets
 * its response header to the value given. Not for anonymous requests; values must be ISO-8859-1.
 */
import type { Authentication } from '../../auth/authentication.ts';
import { invalidArgument, invalidRequest } from '../errors/s3-error.ts';
import type { QueryParams } from '../s3-request.ts';

const OVERRIDES = [
  ['response-content-type', 'content-type'],
  ['response-content-language', 'content-language'],
  ['response-expires', 'expires'],
  ['response-cache-control', 'cache-control'],
  ['response-content-disposition', 'content-disposition'],
  ['response-content-encoding', 'content-encoding'],
] as const;

export function responseOverrides(query: QueryParams, auth: Authentication): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [param, header] of OVERRIDES) {
    const value = query.get(param);
    if (value === undefined) continue;
    if (auth.kind === 'anonymous') {
      throw invalidRequest('Request specific response headers cannot be used for anonymous GET requests.');
    }
    if (/[^\u0000-\u00ff]/.test(value)) {
      throw invalidArgument('Header value cannot be represented using ISO-8859-1.', param, value);
    }
    headers[header] = value;
  }
  return headers;
}
