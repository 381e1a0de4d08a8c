import type { S3Request } from '../s3-request.ts';
import type { Handler } from './handler-context.ts';

/**
 * What an operation needs, as data; the pipeline enforces it so handlers do not:
 * - `action`: the IAM action authorized (a function when it depends on the request, e.g.
 *   s3:GetObjectVersion when a versionId is given);
 * - `resource`: which ARN the action is checked against;
 * - `needsBucket`: NoSuchBucket unless the addressed bucket exists;
 * - `body`: ignored, streamed to the handler, or read as a document of at most N bytes;
 * - `credentials`: where the request's credentials are — its signature (the default), the fields
 *   of a browser POST form (POST Object), or nowhere (a CORS preflight is never authenticated
 *   nor authorized).
 */
export interface OperationSpec {
  action: string | ((req: S3Request) => string);
  resource: 'account' | 'bucket' | 'object';
  needsBucket: boolean;
  body: 'none' | 'stream' | { xml: number };
  credentials?: 'request' | 'post-form' | 'none';
  /**
   * Further checks this request needs, each on the operation's own resource or on the copy
   * source (CopyObject reads its source: s3:GetObject there; an ACL header adds s3:PutObjectAcl).
   */
  alsoAuthorize?: (req: S3Request) => ReadonlyArray<{ action: string; on: 'resource' | 'copy-source' }>;
  /**
   * A missing key is answered 404 NoSuchKey only to callers who may list the bucket; others get
   * 403 AccessDenied, so keys cannot be probed (policy-evaluation.md §7.4).
   */
  hidesMissingKeys?: boolean;
  /** Authorized only per key, in the handler through ctx.checkAccess (DeleteObjects). */
  checkedPerKey?: boolean;
  /** AWS's own AccessDenied text for anonymous callers of this operation, where it has one. */
  anonymousDenial?: string;
  handler: Handler;
}
