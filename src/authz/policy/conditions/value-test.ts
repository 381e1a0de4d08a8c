import type { RequestContext } from '../request-context.ts';

/**
 * The positive test of one operator/key pair: does this one request value match at least one
 * of the policy's values (values are ORed, §2.4)? Negation, IfExists and set qualifiers are
 * applied around it by evaluate-condition.ts.
 */
export type ValueTest = (value: string, context: RequestContext) => boolean;
