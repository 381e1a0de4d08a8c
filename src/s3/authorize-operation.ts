/**
 * Turns an operation's registry entry into the access request the authorizer decides on: the
 * IAM action, the resource ARN, and the request facts policies can test.
 */
import type { Authentication } from '../auth/authentication.ts';
import type { Authorizer, Decision } from '../authz/authorizer.ts';
import type { BucketRecord } from '../storage/types.ts';
import type { OperationName } from './operations/operation-names.ts';
import type { OperationSpec } from './operations/operation-spec.ts';
import type { S3Request } from './s3-request.ts';

export function resourceArn(spec: OperationSpec, req: S3Request): string {
  switch (spec.resource) {
    case 'account':
      return '*';
    case 'bucket':
      return `arn:aws:s3:::${req.bucket}`;
    case 'object':
      return `arn:aws:s3:::${req.bucket}/${req.key}`;
  }
}

export async function authorizeOperation(
  req: S3Request,
  _operation: OperationName,
  spec: OperationSpec,
  auth: Authentication,
  bucket: BucketRecord | undefined,
  authorizer: Authorizer,
): Promise<Decision> {
  const action = typeof spec.action === 'string' ? spec.action : spec.action(req);
  return authorizer.authorize({ auth, action, resource: resourceArn(spec, req), bucket, context: new Map() });
}
