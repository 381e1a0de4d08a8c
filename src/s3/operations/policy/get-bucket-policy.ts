/**
 * GetBucketPolicy — GET /{bucket}?policy (../shared/spec/policy-evaluation.md §1): the policy
 * exactly as it was put, as `application/json` — except that an IAM user or role deleted since
 * appears as its unique id, as on AWS; none → 404 NoSuchBucketPolicy.
 */
import type { S3Response } from '../../s3-response.ts';
import { bucketOf, type Handler } from '../handler-context.ts';
import { findBucketPolicy } from './find-bucket-policy.ts';
import { showDeletedPrincipals } from './show-deleted-principals.ts';

export const getBucketPolicy: Handler = async (ctx): Promise<S3Response> => {
  const stored = await findBucketPolicy(ctx.deps.metadata, bucketOf(ctx).name);
  const text = await showDeletedPrincipals(stored.text, stored.principalIds, ctx.deps.iam);
  return { status: 200, headers: { 'content-type': 'application/json' }, body: text };
};
