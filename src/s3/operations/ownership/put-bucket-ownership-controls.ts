/**
 * PutBucketOwnershipControls — PUT /{bucket}?ownershipControls. Switching to BucketOwnerEnforced
 * while the bucket ACL grants anything to anyone but the owner is 400
 * InvalidBucketAclWithObjectOwnership: AWS requires the bucket ACL to be reset to the owner's
 * FULL_CONTROL first (AWS object-ownership-migrating-acls-prerequisites, "Bucket ACL"). Object
 * ACLs do not block the switch; they simply stop counting.
 */
import { isOwnerFullControlOnly } from '../../../authz/acl/is-owner-full-control-only.ts';
import { S3Error } from '../../errors/s3-error.ts';
import { emptyResponse } from '../../s3-response.ts';
import { verifyDocumentDigests } from '../acl/verify-document-digests.ts';
import { bucketOf, type Handler } from '../handler-context.ts';
import { parseOwnershipControls } from './ownership-controls-document.ts';

export const putBucketOwnershipControls: Handler = async (ctx) => {
  const bucket = bucketOf(ctx);
  const body = ctx.xml ?? Buffer.alloc(0);
  verifyDocumentDigests(ctx, body);
  const objectOwnership = parseOwnershipControls(body);
  if (objectOwnership === 'BucketOwnerEnforced') {
    const acl = await ctx.deps.metadata.getBucketConfig(bucket.name, 'acl');
    if (acl !== undefined && !isOwnerFullControlOnly(acl.grants, bucket.owner.canonicalId)) {
      throw new S3Error('InvalidBucketAclWithObjectOwnership', { reason: 'the bucket ACL grants to others; reset it to private first' });
    }
  }
  await ctx.deps.metadata.putBucketConfig(bucket.name, 'ownership', { objectOwnership });
  return emptyResponse(200);
};
