/**
 * The request pipeline, in one place: parseOperation → resolve bucket → authenticate →
 * authorize → open payload → handle → CORS → render. One try/catch turns anything thrown into
 * the S3 error the client sees (toS3Error is the only mapper).
 */
import { authenticate } from '../auth/authenticate.ts';
import { ANONYMOUS } from '../auth/principal.ts';
import type { Authentication, RequestPayload } from '../auth/authentication.ts';
import { openPayload } from '../auth/payload/open-payload.ts';
import { authenticatePost } from '../auth/post-policy/authenticate-post.ts';
import type { Decision } from '../authz/authorizer.ts';
import type { BucketConfigs, BucketRecord } from '../storage/types.ts';
import { applyCorsHeaders } from './cors/apply-cors-headers.ts';
import { S3Error, noSuchBucket } from './errors/s3-error.ts';
import { toS3Error } from './errors/to-s3-error.ts';
import { authorizeOperation } from './authorize-operation.ts';
import { parseOperation } from './operations/parse-operation.ts';
import type { OperationName } from './operations/operation-names.ts';
import type { OperationSpec } from './operations/operation-spec.ts';
import { requestFacts } from './request-facts.ts';
import { OPERATIONS } from './operations/registry.ts';
import { readPostForm } from './post/read-post-form.ts';
import type { PostUpload } from './post/post-form.ts';
import { readBodyLimited } from './read-body.ts';
import type { S3Deps } from './s3-deps.ts';
import type { S3Request } from './s3-request.ts';
import type { S3Response } from './s3-response.ts';
import { errorResponse } from './error-response.ts';
import { withDenialReason } from '../diagnostics/audit/denial-reason-header.ts';

/** The response and what the log and the audit trail need to know about how it came about. */
export interface PipelineOutcome {
  response: S3Response;
  operation?: OperationName;
  auth?: Authentication;
  decision?: Decision;
  error?: S3Error;
  /** DeleteObjects: how many keys were authorized one by one, and the ones refused. */
  keyDecisions?: KeyDecisions;
}

export interface KeyDecisions {
  checked: number;
  denied: Array<{ key: string; decision: Decision }>;
}

export async function handleS3Request(req: S3Request, deps: S3Deps): Promise<PipelineOutcome> {
  const outcome: Omit<PipelineOutcome, 'response'> = {};
  let bucket: BucketRecord | undefined;
  let bucketConfigs: Partial<BucketConfigs> | undefined;
  let response: S3Response;
  let post: PostUpload | undefined;
  try {
    outcome.operation = parseOperation(req);
    const spec = OPERATIONS[outcome.operation];
    if (spec === undefined) throw notImplemented(outcome.operation);
    const state = req.bucket === undefined ? undefined : await deps.metadata.getBucketState(req.bucket);
    bucket = state?.bucket;
    bucketConfigs = state?.configs;

    switch (spec.credentials ?? 'request') {
      case 'none':
        outcome.auth = { kind: 'anonymous', principal: ANONYMOUS as Extract<typeof ANONYMOUS, { type: 'Anonymous' }> };
        break;
      case 'request':
        outcome.auth = await authenticate(req, authenticateDeps(deps, bucket));
        break;
      case 'post-form': {
        if (bucket === undefined) throw noSuchBucket(req.bucket ?? '');
        const form = await readPostForm(req);
        ({ auth: outcome.auth, upload: post } = await authenticatePost(req, form, authenticateDeps(deps, bucket)));
        break;
      }
    }
    const auth = outcome.auth!;
    if (spec.needsBucket && bucket === undefined) throw noSuchBucket(req.bucket ?? '');

    if (spec.credentials !== 'none' && !spec.checkedPerKey) {
      outcome.decision = await authorizeOperation({
        req,
        spec,
        auth,
        bucket,
        ...(bucketConfigs ? { bucketConfigs } : {}),
        authorizer: deps.authorizer,
        metadata: deps.metadata,
        ...(post ? { key: post.key } : {}),
      });
      if (!outcome.decision.allowed) throw accessDenied(outcome.decision, spec, auth);
    }

    const payload: RequestPayload = post ? formPayload(post) : openPayload(req, auth);
    const xml = spec.body === 'none' || spec.body === 'stream' ? undefined : await readBodyLimited(payload, spec.body.xml);
    // DeleteObjects decides each key on its own (policy-evaluation.md §6.1). The audit keeps
    // the refused keys, and the first refusal (else the first allow) as the request's decision.
    const checkAccess = async (action: string, key: string) => {
      const decision = await deps.authorizer.authorize({ auth, action, resource: `arn:aws:s3:::${req.bucket}/${key}`, bucket, object: { key }, facts: requestFacts(req, auth, action) });
      const keys = (outcome.keyDecisions ??= { checked: 0, denied: [] });
      keys.checked++;
      if (!decision.allowed) {
        keys.denied.push({ key, decision });
        if (outcome.decision === undefined || outcome.decision.allowed) outcome.decision = decision;
      } else {
        outcome.decision ??= decision;
      }
      return decision;
    };
    try {
      response = await spec.handler({ req, auth, payload, bucket, xml, deps, checkAccess, ...(post ? { post } : {}) });
    } catch (e) {
      if (spec.hidesMissingKeys && e instanceof S3Error && e.code === 'NoSuchKey') {
        // 404 only for callers who may list the bucket; anyone else cannot tell a missing key
        // from a forbidden one (policy-evaluation.md §7.4).
        const list = await deps.authorizer.authorize({
          auth,
          action: 's3:ListBucket',
          resource: `arn:aws:s3:::${req.bucket}`,
          bucket,
          facts: requestFacts(req, auth, 's3:ListBucket'),
        });
        if (!list.allowed) {
          outcome.decision = list;
          throw accessDenied(list, spec, auth);
        }
      }
      throw e;
    }
  } catch (thrown) {
    // A POST form's file was never read, or not to its end: let the rest of the body drain, or
    // the connection cannot carry the next request.
    post?.form.file.stream.destroy();
    outcome.error = toS3Error(thrown, {
      key: req.key,
      ownerAccountId: outcome.auth?.kind === 'signed' ? outcome.auth.principal.account.accountId : undefined,
    });
    response = errorResponse(outcome.error, req);
    if (deps.explainDenials) response = withDenialReason(response, req, { ...outcome, error: outcome.error });
  }
  // Browsers need CORS headers on errors too, or a page cannot even see that it was refused.
  return { ...outcome, response: await applyCorsHeaders(req, bucket, response, deps, bucketConfigs) };
}

function authenticateDeps(deps: S3Deps, bucket: BucketRecord | undefined) {
  return {
    credentials: deps.credentials,
    clock: deps.clock,
    // A bucket is signed for in its own region; AWS names that region when a client gets it wrong.
    region: bucket?.region ?? deps.region,
    maxSkewMs: deps.maxSkewMs,
    sigv2: deps.sigv2,
    expectedService: 's3' as const,
  };
}

/** POST Object's body is the form's file part, already past the fields. */
function formPayload(post: PostUpload): RequestPayload {
  return { body: post.form.file.stream, contentSha256: undefined, length: undefined, trailers: () => new Map() };
}

function accessDenied(decision: Decision, spec: OperationSpec, auth: Authentication): S3Error {
  const message = auth.kind === 'anonymous' && spec.anonymousDenial ? spec.anonymousDenial : decision.message;
  return new S3Error('AccessDenied', { message, reason: decision.reason });
}

function notImplemented(operation: OperationName): S3Error {
  return new S3Error('NotImplemented', {
    message: `${operation} is not implemented by Coffer.`,
    reason: `operation ${operation} has no handler`,
  });
}


