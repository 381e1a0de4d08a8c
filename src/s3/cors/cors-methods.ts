/**
 * The only methods a CORS rule may allow (../shared/spec/s3-core.md §10.1); anything else in a
 * PutBucketCors document is refused with InvalidRequest. Compared case-sensitively, as S3 does.
 */
import type { CorsMethod } from '../../storage/types.ts';

export const CORS_METHODS: readonly CorsMethod[] = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'];

export function isCorsMethod(method: string): method is CorsMethod {
  return (CORS_METHODS as readonly string[]).includes(method);
}
