/** Literals of AWS Signature Version 2 (../shared/spec/sigv2-and-post.md §1–3). */

/** The scheme token of `Authorization: AWS AKID:signature` (§1.1). */
export const SIGV2_SCHEME = 'AWS';

/** s3:signatureversion for SigV2 requests (§3). */
export const SIGV2_SIGNATURE_VERSION = 'AWS';

/** The three query parameters of a presigned V2 URL, exact case (§2). */
export const V2_QUERY_PARAMS = {
  accessKeyId: 'AWSAccessKeyId',
  signature: 'Signature',
  expires: 'Expires',
} as const;

/** The session token, as a header or (presigned) a query parameter; an x-amz- header either way (§1.3, §2). */
export const SECURITY_TOKEN = 'x-amz-security-token';

/**
 * The query parameters that belong to the CanonicalizedResource (§1.4): S3's sub-resources, the
 * response-header overrides, and the newer sub-resources botocore and MinIO sign. Every other
 * parameter (`prefix`, `max-keys`, `marker`, `list-type` …) is left out of the string to sign.
 */
export const SIGNED_SUB_RESOURCES: ReadonlySet<string> = new Set([
  'acl',
  'cors',
  'delete',
  'lifecycle',
  'location',
  'logging',
  'notification',
  'partNumber',
  'policy',
  'requestPayment',
  'tagging',
  'torrent',
  'uploadId',
  'uploads',
  'versionId',
  'versioning',
  'versions',
  'website',
  'response-content-type',
  'response-content-language',
  'response-expires',
  'response-cache-control',
  'response-content-disposition',
  'response-content-encoding',
  'accelerate',
  'analytics',
  'encryption',
  'inventory',
  'legal-hold',
  'metrics',
  'object-lock',
  'replication',
  'restore',
  'retention',
  'select',
  'select-type',
  'storageClass',
]);
