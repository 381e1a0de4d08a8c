/**
 * Turns an operation's registry entry into the access request the authorizer decides on: the
 * IAM action, the resource ARN, and the request facts policies can test.
 */
import type { Authentication } from '../auth/authentication.ts';
import type { Authorizer, Decision } from '../authz/authorizer.ts';
import type { BucketRecord } from '../storage/types.ts';
import type { OperationSpec } from './operations/operation-spec.ts';
import type { S3Request } from './s3-request.ts';

/** `key` overrides the request's key (POST Object names its key in the form). */
export function resourceArn(spec: OperationSpec, req: S3Request, key = req.key): string {
  switch (spec.resource) {
    case 'account':
      return '*';
    case 'bucket':
      return `arn:aws:s3:::${req.bucket}`;
    case 'object':
      return `arn:aws:s3:::${req.bucket}/${key}`;
  }
}

export async function authorizeOperation(
  req: S3Request,
  spec: OperationSpec,
  auth: Authentication,
  bucket: BucketRecord | undefined,
  authorizer: Authorizer,
  key?: string,
): Promise<Decision> {
  const action = typeof spec.action === 'string' ? spec.action : spec.action(req);
  return authorizer.authorize({ auth, action, resource: resourceArn(spec, req, key ?? req.key), bucket, context: new Map() });
}
