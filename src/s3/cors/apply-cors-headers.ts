/**
 * CORS headers on actual (non-preflight) requests (../shared/spec/s3-core.md §10.3): when the
 * request has an Origin and a rule of the bucket's CORS configuration matches it and the method,
 * the response gets the Access-Control-* headers; otherwise it is served unchanged.
 *
 * As on S3, CORS never refuses an actual request: no match only means no headers (the browser
 * then withholds the response from the page). Error responses get the headers too — a page must
 * be able to see its 403 or 404. A request without Origin is not a CORS request and costs
 * nothing here; with one, the bucket's configuration is one indexed read. OPTIONS requests are
 * preflights, answered whole by their handler (a refused preflight carries no CORS headers).
 */
import type { BucketConfigs, BucketRecord } from '../../storage/types.ts';
import type { S3Deps } from '../s3-deps.ts';
import type { S3Request } from '../s3-request.ts';
import type { S3Response } from '../s3-response.ts';
import { corsResponseHeaders } from './cors-response-headers.ts';
import { findCorsRule } from './find-cors-rule.ts';

export async function applyCorsHeaders(
  req: S3Request,
  bucket: BucketRecord | undefined,
  response: S3Response,
  deps: S3Deps,
  /** The bucket's configurations when the pipeline read them with the bucket. */
  configs?: Partial<BucketConfigs>,
): Promise<S3Response> {
  const origin = req.headers.get('origin');
  if (origin === undefined || origin === '' || req.method === 'OPTIONS') return response;
  // The pipeline may not have resolved the bucket (the request failed routing, or names an
  // operation Coffer does not implement); S3 still answers CORS for the addressed bucket.
  const bucketName = bucket?.name ?? req.bucket;
  if (bucketName === undefined) return response;

  let rules;
  try {
    rules = (configs && bucket ? configs.cors : await deps.metadata.getBucketConfig(bucketName, 'cors'))?.rules;
  } catch (error) {
    // The response is decided already; a failed lookup must not replace it with a 500.
    deps.logger.warn({ err: error, requestId: req.id, bucket: bucketName }, 'CORS configuration lookup failed');
    return response;
  }
  if (rules === undefined) return response;

  const rule = findCorsRule(rules, { origin, method: req.method, requestHeaders: [] });
  if (rule === undefined) return response;
  return { ...response, headers: { ...response.headers, ...corsResponseHeaders(rule, { origin, requestHeaders: [] }) } };
}
