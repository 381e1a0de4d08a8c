/**
 * A CORS preflight — OPTIONS on a bucket or an object (../shared/spec/s3-core.md §10.2). Never
 * authenticated nor authorized (browsers send no credentials with a preflight); the registry
 * says so with `credentials: 'none'`, and with needsBucket false so that a missing bucket gets
 * the CORSResponse answer below rather than NoSuchBucket. The checks, in S3's order:
 * 1. no Origin → 400 BadRequest;
 * 2. no bucket → 403 AccessForbidden `CORSResponse: Bucket not found`;
 * 3. no CORS configuration → 403 AccessForbidden `CORSResponse: CORS is not enabled for this bucket.`;
 * 4. the first rule matching Origin, Access-Control-Request-Method and every name of
 *    Access-Control-Request-Headers (findCorsRule);
 * 5. none → 403 AccessForbidden `CORSResponse: This CORS request is not allowed. …`;
 * 6. a match → 200 with the rule's CORS headers, no body, no Content-Type.
 * The 403s carry <Method> (the requested method, else OPTIONS) and <ResourceType> (BUCKET for
 * 2 and 3; for 5, OBJECT on an object path and BUCKET on a bucket path).
 */
import { corsResponseHeaders } from '../../cors/cors-response-headers.ts';
import { findCorsRule } from '../../cors/find-cors-rule.ts';
import { parseAccessControlRequestHeaders } from '../../cors/parse-access-control-request-headers.ts';
import { S3Error } from '../../errors/s3-error.ts';
import { emptyResponse } from '../../s3-response.ts';
import type { Handler } from '../handler-context.ts';

// "evalution" (sic): AWS's own spelling, which clients may compare.
const NOT_ALLOWED =
  "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.";

export const preflightRequest: Handler = async ({ req, bucket, deps }) => {
  const origin = req.headers.get('origin');
  // An empty Origin is no Origin.
  if (origin === undefined || origin === '') {
    throw new S3Error('BadRequest', { message: 'Insufficient information. Origin request header needed.' });
  }
  const method = req.headers.get('access-control-request-method');
  const forbidden = (message: string, resourceType: 'BUCKET' | 'OBJECT', reason: string) =>
    new S3Error('AccessForbidden', {
      message,
      fields: [
        ['Method', method ?? 'OPTIONS'],
        ['ResourceType', resourceType],
      ],
      reason,
    });

  if (bucket === undefined) throw forbidden('CORSResponse: Bucket not found', 'BUCKET', `preflight: bucket ${req.bucket} does not exist`);
  const config = await deps.metadata.getBucketConfig(bucket.name, 'cors');
  if (config === undefined) {
    throw forbidden('CORSResponse: CORS is not enabled for this bucket.', 'BUCKET', `preflight: bucket ${bucket.name} has no CORS configuration`);
  }
  const requestHeaders = parseAccessControlRequestHeaders(req.headers.get('access-control-request-headers'));
  const rule = method === undefined ? undefined : findCorsRule(config.rules, { origin, method, requestHeaders });
  if (rule === undefined) {
    throw forbidden(
      NOT_ALLOWED,
      req.key === undefined ? 'BUCKET' : 'OBJECT',
      `preflight: no CORS rule allows origin ${origin}, method ${method ?? '(none)'}, headers [${requestHeaders.join(', ')}]`,
    );
  }
  return emptyResponse(200, corsResponseHeaders(rule, { origin, requestHeaders }));
};
