import type { Authentication, RequestPayload } from '../../auth/authentication.ts';
import type { BucketRecord } from '../../storage/types.ts';
import type { S3Deps } from '../s3-deps.ts';
import type { S3Request } from '../s3-request.ts';
import type { S3Response } from '../s3-response.ts';
import type { PostUpload } from '../post/post-form.ts';
import type { Decision } from '../../authz/authorizer.ts';

/** What a handler sees: the request, who sent it, its body, its bucket. Read-only. */
export interface HandlerContext {
  req: S3Request;
  auth: Authentication;
  payload: RequestPayload;
  /** The addressed bucket; always set for operations whose registry entry has needsBucket. */
  bucket: BucketRecord | undefined;
  /** The request body, for operations whose registry entry reads an XML document. */
  xml: Buffer | undefined;
  /** POST Object: the form, its key and policy (credentials: 'post-form'). */
  post?: PostUpload;
  /**
   * Asks the authorizer about one more object of this bucket, for operations that decide per
   * key (DeleteObjects). Supplied by the pipeline; handlers never hold the authorizer itself.
   */
  checkAccess?: (action: string, key: string) => Promise<Decision>;
  deps: S3Deps;
}

export type Handler = (ctx: HandlerContext) => Promise<S3Response>;

/** The bucket of an operation declared with needsBucket (the pipeline guarantees it). */
export function bucketOf(ctx: HandlerContext): BucketRecord {
  if (!ctx.bucket) throw new Error('handler needs a bucket but the registry entry does not declare needsBucket');
  return ctx.bucket;
}

/** The key of an object operation (parseOperation guarantees it). */
export function keyOf(ctx: HandlerContext): string {
  if (ctx.req.key === undefined) throw new Error('object operation without a key');
  return ctx.req.key;
}
