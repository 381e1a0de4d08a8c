/**
 * PutPublicAccessBlock (bucket level) — PUT /{bucket}?publicAccessBlock: replaces the four flags.
 * Turning BlockPublicAcls on does not change ACLs already set; IgnorePublicAcls makes them count
 * for nothing (policy-evaluation.md §8.4).
 */
import { emptyResponse } from '../../s3-response.ts';
import { verifyDocumentDigests } from '../acl/verify-document-digests.ts';
import { bucketOf, type Handler } from '../handler-context.ts';
import { parsePublicAccessBlock } from './public-access-block-document.ts';

export const putPublicAccessBlock: Handler = async (ctx) => {
  const body = ctx.xml ?? Buffer.alloc(0);
  verifyDocumentDigests(ctx, body);
  const config = parsePublicAccessBlock(body);
  await ctx.deps.metadata.putBucketConfig(bucketOf(ctx).name, 'public-access-block', config);
  return emptyResponse(200);
};
