/**
 * Coffer's own endpoints under `/.coffer/` (never a bucket: S3 bucket names cannot start with
 * a dot): diagnostics for `coffer inspect` and administration for `coffer admin`.
 * Returns undefined for paths that are not Coffer's, which then go to the S3 pipeline.
 */
import type { IncomingMessage } from 'node:http';
import type { S3Deps } from '../s3/s3-deps.ts';
import type { S3Request } from '../s3/s3-request.ts';
import type { PipelineOutcome } from '../s3/pipeline.ts';

export const ADMIN_PREFIX = '/.coffer/';

export async function handleAdminRequest(
  req: S3Request,
  _message: IncomingMessage,
  _deps: S3Deps,
): Promise<PipelineOutcome | undefined> {
  if (!req.rawPath.startsWith(ADMIN_PREFIX)) return undefined;
  return undefined;
}
