/**
 * GetBucketPolicyStatus — GET /{bucket}?policyStatus: whether the bucket policy is public by Block
 * Public Access's test (../shared/spec/policy-evaluation.md §8.4), as
 * `<PolicyStatus><IsPublic>true|false</IsPublic></PolicyStatus>`; no policy → 404
 * NoSuchBucketPolicy. The answer is the policy's alone: Block Public Access settings do not
 * change it (they decide what a public policy may do).
 *
 * The stored text was valid when it was put; it is compiled again without looking principals
 * up, since a user named in it may have been deleted since and publicness does not depend on
 * who the fixed principals are.
 */
import { parseBucketPolicy } from '../../../authz/policy/parse-policies.ts';
import { xmlResponse } from '../../s3-response.ts';
import { el, s3Document } from '../../xml/xml-writer.ts';
import { bucketOf, type Handler } from '../handler-context.ts';
import { findBucketPolicy } from './find-bucket-policy.ts';

export const getBucketPolicyStatus: Handler = async (ctx) => {
  const bucket = bucketOf(ctx).name;
  const { text } = await findBucketPolicy(ctx.deps.metadata, bucket);
  const { isPublic } = parseBucketPolicy(text, { bucket });
  return xmlResponse(policyStatusXml(isPublic));
};

export function policyStatusXml(isPublic: boolean): string {
  return s3Document('PolicyStatus', el('IsPublic', isPublic));
}
