/**
 * The request pipeline, in one place: parseOperation → authenticate → resolve bucket →
 * authorize → open payload → handle → render. One try/catch turns anything thrown into the S3
 * error the client sees (toS3Error is the only mapper).
 */
import { authenticate } from '../auth/authenticate.ts';
import type { Authentication, RequestPayload } from '../auth/authentication.ts';
import { openPayload } from '../auth/payload/open-payload.ts';
import type { Decision } from '../authz/authorizer.ts';
import type { BucketRecord } from '../storage/types.ts';
import { S3Error, noSuchBucket } from './errors/s3-error.ts';
import { toS3Error } from './errors/to-s3-error.ts';
import { authorizeOperation } from './authorize-operation.ts';
import { parseOperation } from './operations/parse-operation.ts';
import type { OperationName } from './operations/operation-names.ts';
import { OPERATIONS } from './operations/registry.ts';
import { readBodyLimited } from './read-body.ts';
import type { S3Deps } from './s3-deps.ts';
import type { S3Request } from './s3-request.ts';
import type { S3Response } from './s3-response.ts';
import { errorResponse } from './error-response.ts';

/** The response and what the log and the audit trail need to know about how it came about. */
export interface PipelineOutcome {
  response: S3Response;
  operation?: OperationName;
  auth?: Authentication;
  decision?: Decision;
  error?: S3Error;
}

export async function handleS3Request(req: S3Request, deps: S3Deps): Promise<PipelineOutcome> {
  let operation: OperationName | undefined;
  let auth: Authentication | undefined;
  let decision: Decision | undefined;
  let bucket: BucketRecord | undefined;
  try {
    operation = parseOperation(req);
    const spec = OPERATIONS[operation];
    if (spec === undefined) throw notImplemented(operation);

    bucket = req.bucket === undefined ? undefined : await deps.metadata.getBucket(req.bucket);
    auth = await authenticate(req, {
      credentials: deps.credentials,
      clock: deps.clock,
      // A bucket is signed for in its own region; AWS names that region when a client gets it wrong.
      region: bucket?.region ?? deps.region,
      maxSkewMs: deps.maxSkewMs,
      expectedService: 's3',
    });
    if (spec.needsBucket && bucket === undefined) throw noSuchBucket(req.bucket ?? '');

    decision = await authorizeOperation(req, operation, spec, auth, bucket, deps.authorizer);
    if (!decision.allowed) throw new S3Error('AccessDenied', { message: decision.message, reason: decision.reason });

    const payload: RequestPayload = openPayload(req, auth);
    const xml = spec.body === 'none' || spec.body === 'stream' ? undefined : await readBodyLimited(payload, spec.body.xml);
    const response = await spec.handler({ req, auth, payload, bucket, xml, deps });
    return { response, operation, auth, decision };
  } catch (thrown) {
    const error = toS3Error(thrown, {
      key: req.key,
      ownerAccountId: auth?.kind === 'signed' ? auth.principal.account.accountId : undefined,
    });
    return { response: errorResponse(error, req), operation, auth, decision, error };
  }
}

function notImplemented(operation: OperationName): S3Error {
  return new S3Error('NotImplemented', {
    message: `${operation} is not implemented by Coffer.`,
    reason: `operation ${operation} has no handler`,
  });
}
