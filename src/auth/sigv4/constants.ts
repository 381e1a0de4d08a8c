/** Literals of AWS Signature Version 4 (../shared/spec/sigv4.md §1, §2.5, §4.1). */

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';
export const SCOPE_TERMINATOR = 'aws4_request';

/** Hex SHA-256 of zero bytes: the payload hash of an empty body. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

/** AWS caps presigned URLs (and signing keys) at 7 days (sigv4.md §4.1). */
export const MAX_PRESIGNED_EXPIRES_SECONDS = 604800;

/** The six query parameters of a presigned URL, in the order AWS's message names them. */
export const PRESIGN_PARAMS = {
  algorithm: 'X-Amz-Algorithm',
  credential: 'X-Amz-Credential',
  signature: 'X-Amz-Signature',
  date: 'X-Amz-Date',
  signedHeaders: 'X-Amz-SignedHeaders',
  expires: 'X-Amz-Expires',
} as const;
export const PRESIGN_TOKEN_PARAM = 'X-Amz-Security-Token';
