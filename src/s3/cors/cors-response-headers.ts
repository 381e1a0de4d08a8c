/**
 * The Access-Control-* headers S3 sends when a CORS rule matched (../shared/spec/s3-core.md
 * §10.3), for preflights and actual requests alike:
 * - Allow-Origin is `*` when the rule allows any origin (and then no Allow-Credentials, which
 *   browsers would reject next to `*`), otherwise the request's Origin with Allow-Credentials;
 * - Allow-Methods lists all of the rule's methods, Expose-Headers its ExposeHeaders, Max-Age
 *   its MaxAgeSeconds (each only when set);
 * - Allow-Headers is a preflight's own requested headers (lower-cased): they all matched;
 * - Vary names what the answer depended on.
 * Header names are lower-case, as in every S3Response.
 */
import type { CorsRule } from '../../storage/types.ts';

export const CORS_VARY = 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method';

export function corsResponseHeaders(
  rule: CorsRule,
  request: { origin: string; requestHeaders: readonly string[] },
): Record<string, string> {
  const anyOrigin = rule.allowedOrigins.includes('*');
  const headers: Record<string, string> = { 'access-control-allow-origin': anyOrigin ? '*' : request.origin };
  if (!anyOrigin) headers['access-control-allow-credentials'] = 'true';
  headers['access-control-allow-methods'] = rule.allowedMethods.join(', ');
  if (request.requestHeaders.length > 0) headers['access-control-allow-headers'] = request.requestHeaders.join(', ');
  if (rule.exposeHeaders.length > 0) headers['access-control-expose-headers'] = rule.exposeHeaders.join(', ');
  if (rule.maxAgeSeconds !== undefined) headers['access-control-max-age'] = String(rule.maxAgeSeconds);
  headers['vary'] = CORS_VARY;
  return headers;
}
