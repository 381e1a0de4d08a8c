/**
 * CORS headers on actual (non-preflight) requests (../shared/spec/s3-core.md §10.3): when the
 * request has an Origin and a rule of the bucket's CORS configuration matches it and the method,
 * the response gets the Access-Control-* headers; otherwise it is served unchanged.
 */
import type { BucketRecord } from '../../storage/types.ts';
import type { S3Deps } from '../s3-deps.ts';
import type { S3Request } from '../s3-request.ts';
import type { S3Response } from '../s3-response.ts';

export async function applyCorsHeaders(
  _req: S3Request,
  _bucket: BucketRecord | undefined,
  response: S3Response,
  _deps: S3Deps,
): Promise<S3Response> {
  return response;
}
