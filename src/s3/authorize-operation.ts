/**
 * Turns an operation's registry entry into the access checks the authorizer decides: the IAM
 * action on the operation's resource, plus the extra checks some requests need (CopyObject reads
 * its source; an upload that sets an ACL or tags also needs s3:PutObjectAcl / s3:PutObjectTagging).
 * Every check must allow; the first denial is the answer.
 */
import type { Authentication } from '../auth/authentication.ts';
import type { Authorizer, Decision } from '../authz/authorizer.ts';
import type { MetadataStore } from '../storage/metadata-store.ts';
import type { BucketConfigs, BucketRecord } from '../storage/types.ts';
import { parseCopySource } from './object-headers/copy-source.ts';
import type { OperationSpec } from './operations/operation-spec.ts';
import { requestFacts } from './request-facts.ts';
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

export interface AuthorizeInput {
  req: S3Request;
  spec: OperationSpec;
  auth: Authentication;
  bucket: BucketRecord | undefined;
  /** The bucket's configurations, read with it. */
  bucketConfigs?: Partial<BucketConfigs>;
  authorizer: Authorizer;
  metadata: Pick<MetadataStore, 'getBucket'>;
  /** POST Object: the key from the form. */
  key?: string;
}

export async function authorizeOperation(input: AuthorizeInput): Promise<Decision> {
  const { req, spec, auth, bucket, authorizer } = input;
  const key = input.key ?? req.key;
  const action = typeof spec.action === 'string' ? spec.action : spec.action(req);
  const check = (a: string, resource: string, b: BucketRecord | undefined, object?: { key: string; versionId?: string }) =>
    authorizer.authorize({
      auth,
      action: a,
      resource,
      bucket: b,
      ...(b !== undefined && b === bucket && input.bucketConfigs ? { bucketConfigs: input.bucketConfigs } : {}),
      ...(object ? { object } : {}),
      facts: requestFacts(req, auth, a),
    });

  const object = spec.resource === 'object' && key !== undefined ? { key, ...versionOf(req) } : undefined;
  // CreateBucket asks for a bucket the caller does not have yet: a bucket of that name owned by
  // someone else is answered BucketAlreadyExists by the handler, never decided by its policies.
  const main = await check(action, resourceArn(spec, req, key), spec.needsBucket ? bucket : undefined, object);
  if (!main.allowed) return main;

  for (const extra of spec.alsoAuthorize?.(req) ?? []) {
    let decision: Decision;
    if (extra.on === 'copy-source') {
      let source;
      try {
        source = parseCopySource(req.headers.get('x-amz-copy-source') ?? '');
      } catch {
        continue; // the handler reports a malformed copy source
      }
      const sourceBucket = await input.metadata.getBucket(source.bucket);
      if (sourceBucket === undefined) continue; // the handler reports NoSuchBucket
      const sourceAction = source.versionId !== undefined ? extra.action.replace(/Object$/, 'ObjectVersion') : extra.action;
      decision = await check(sourceAction, `arn:aws:s3:::${source.bucket}/${source.key}`, sourceBucket, {
        key: source.key,
        ...(source.versionId ? { versionId: source.versionId } : {}),
      });
    } else {
      decision = await check(extra.action, resourceArn(spec, req, key), bucket, object);
    }
    if (!decision.allowed) return decision;
  }
  return main;
}

function versionOf(req: S3Request): { versionId?: string } {
  const v = req.query.get('versionId');
  return v === undefined ? {} : { versionId: v };
}
