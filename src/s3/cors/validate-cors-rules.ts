/**
 * What S3 checks in a schema-valid CORS configuration (../shared/spec/s3-core.md §10.1), rule by
 * rule in document order, the first failure answering:
 * - at most 100 rules (AWS documents the limit without an error text; MalformedXML is the
 *   schema's answer to a maxOccurs overrun, which is how we treat it);
 * - methods: GET PUT POST DELETE HEAD only, case-sensitive → InvalidRequest `Found unsupported
 *   HTTP method in CORS config. Unsupported method is X`;
 * - AllowedOrigin and AllowedHeader: at most one `*` → InvalidRequest `AllowedOrigin "X" can not
 *   have more than one wildcard.` (AllowedHeader likewise), the text AWS answers with.
 */
import type { CorsRule } from '../../storage/types.ts';
import { invalidRequest, malformedXml } from '../errors/s3-error.ts';
import { isCorsMethod } from './cors-methods.ts';
import type { UncheckedCorsRule } from './parse-cors-configuration.ts';

export const MAX_CORS_RULES = 100;

export function validateCorsRules(rules: readonly UncheckedCorsRule[]): CorsRule[] {
  if (rules.length > MAX_CORS_RULES) throw malformedXml();
  return rules.map((rule) => {
    const allowedMethods = rule.allowedMethods.map((method) => {
      if (!isCorsMethod(method)) throw invalidRequest(`Found unsupported HTTP method in CORS config. Unsupported method is ${method}`);
      return method;
    });
    for (const origin of rule.allowedOrigins) oneWildcardAtMost('AllowedOrigin', origin);
    for (const header of rule.allowedHeaders) oneWildcardAtMost('AllowedHeader', header);
    return { ...rule, allowedMethods };
  });
}

function oneWildcardAtMost(element: 'AllowedOrigin' | 'AllowedHeader', value: string): void {
  if (value.indexOf('*') !== value.lastIndexOf('*')) {
    throw invalidRequest(`${element} "${value}" can not have more than one wildcard.`);
  }
}
