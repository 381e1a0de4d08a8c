/**
 * GetBucketPolicy — GET /{bucket}?policy (../shared/spec/policy-evaluation.md §1): the policy
 * exactly as it was put, as `application/json`; none → 404 NoSuchBucketPolicy.
 */
import type { S3Response } from '../../s3-response.ts';
import { bucketOf, type Handler } from '../handler-context.ts';
import { findBucketPolicy } from './find-bucket-policy.ts';

export const getBucketPolicy: Handler = async (ctx): Promise<S3Response> => {
  const text = await findBucketPolicy(ctx.deps.metadata, bucketOf(ctx).name);
  return { status: 200, headers: { 'content-type': 'application/json' }, body: text };
};
