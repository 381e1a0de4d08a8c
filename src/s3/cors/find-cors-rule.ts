/**
 * Which CORS rule applies to a request (../shared/spec/s3-core.md §10.2 step 4): the first, in
 * the configuration's order, where
 * - the Origin equals one of the rule's AllowedOrigins, or an AllowedOrigin is `*`, or a one-`*`
 *   AllowedOrigin matches it (case-sensitively, as origins are compared in CORS);
 * - the method (the request's own, or a preflight's Access-Control-Request-Method) is one of
 *   the rule's AllowedMethods;
 * - every requested header name (preflight only) matches an AllowedHeader, case-insensitively,
 *   with the same one-`*` wildcard.
 */
import type { CorsRule } from '../../storage/types.ts';
import { matchesWildcard } from './matches-wildcard.ts';

export interface CorsRequest {
  origin: string;
  method: string;
  /** Lower-cased names from Access-Control-Request-Headers; empty for actual requests. */
  requestHeaders: readonly string[];
}

export function findCorsRule(rules: readonly CorsRule[], request: CorsRequest): CorsRule | undefined {
  return rules.find((rule) => ruleMatches(rule, request));
}

function ruleMatches(rule: CorsRule, { origin, method, requestHeaders }: CorsRequest): boolean {
  if (!rule.allowedOrigins.some((allowed) => matchesWildcard(allowed, origin))) return false;
  if (!(rule.allowedMethods as readonly string[]).includes(method)) return false;
  return requestHeaders.every((name) => rule.allowedHeaders.some((allowed) => matchesWildcard(allowed.toLowerCase(), name)));
}
