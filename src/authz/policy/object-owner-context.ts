/**
 * §7.2 step 6 and its exceptions: when ACLs are enabled and an object belongs to another
 * account than the bucket, the object owner's grant is needed to act on the object — except for
 * the actions that act on the bucket's contents rather than on the object: the bucket owner may
 * always delete any object in its bucket (§7.2 notes), writes create a new object, and
 * multipart bookkeeping belongs to the upload, not to an existing object.
 */
const BUCKET_CONTEXT_ACTIONS = new Set(
  ['s3:DeleteObject', 's3:DeleteObjectVersion', 's3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'].map((a) =>
    a.toLowerCase(),
  ),
);

export function requiresObjectOwnerGrant(action: string): boolean {
  return !BUCKET_CONTEXT_ACTIONS.has(action.toLowerCase());
}
