/**
 * PutBucketPolicy — PUT /{bucket}?policy (../shared/spec/policy-evaluation.md §1, §8.4): replaces
 * the bucket's policy with the JSON document of the body, stored byte for byte as sent (what
 * GetBucketPolicy returns).
 *
 * 1. Content-MD5 / flexible checksum, when sent, must match the body (BadDigest, InvalidDigest).
 * 2. The policy is validated (compileBucketPolicy): 400 MalformedPolicy with S3's message. A body
 *    that is not UTF-8 is not JSON: `This policy contains invalid Json`, unless the engine finds
 *    an earlier fault. Past 20 KB the engine's size message; the registry stops reading at 64 KB
 *    (MaxMessageLengthExceeded).
 * 3. BlockPublicPolicy in force (bucket or account setting) and the policy public → 403
 *    AccessDenied, for every caller, the bucket owner included.
 * 4. 204 No Content, as AWS answers.
 *
 * `x-amz-confirm-remove-self-bucket-access` is accepted and ignored: it only matters to AWS
 * when the caller would lock itself out, and the bucket owner's root may always manage the
 * policy anyway (§7.2 notes).
 */
import { effectivePublicAccessBlock } from '../../../authz/acl/public-access-block.ts';
import { S3Error } from '../../errors/s3-error.ts';
import { emptyResponse } from '../../s3-response.ts';
import { verifyDocumentDigests } from '../acl/verify-document-digests.ts';
import { bucketOf, type Handler } from '../handler-context.ts';
import { compileBucketPolicy, malformedPolicy } from './compile-bucket-policy.ts';

export const putBucketPolicy: Handler = async (ctx) => {
  const { deps } = ctx;
  const bucket = bucketOf(ctx);
  const body = ctx.xml ?? Buffer.alloc(0);
  verifyDocumentDigests(ctx, body);

  const { text, utf8 } = decodeUtf8(body);
  const { policy, principalIds } = await compileBucketPolicy(text, { bucket: bucket.name, directory: { iam: deps.iam, accounts: deps.accounts } });
  if (!utf8) throw malformedPolicy('This policy contains invalid Json', 'the policy is not valid UTF-8');

  // The bucket owner's account setting counts as much as the bucket's (§8.4: effective = OR).
  const [bucketBlock, accountBlock] = await Promise.all([
    deps.metadata.getBucketConfig(bucket.name, 'public-access-block'),
    deps.accountSettings?.getAccountPublicAccessBlock(bucket.owner.accountId),
  ]);
  const blocks = effectivePublicAccessBlock({ bucket: bucketBlock, account: accountBlock });
  if (blocks.blockPublicPolicy && policy.isPublic) {
    throw new S3Error('AccessDenied', { reason: 'Block Public Access (BlockPublicPolicy) refuses a public bucket policy' });
  }

  // The ARNs' unique ids go with the text: the policy keeps meaning the entities it named.
  await deps.metadata.putBucketConfig(bucket.name, 'policy', Object.keys(principalIds).length > 0 ? { text, principalIds } : { text });
  return emptyResponse(204);
};

/** The text as sent; a byte-order mark is kept, so the engine refuses it as AWS does (first byte '{'). */
function decodeUtf8(body: Buffer): { text: string; utf8: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), utf8: true };
  } catch {
    return { text: body.toString('utf8'), utf8: false };
  }
}
