/**
 * Every S3 operation Coffer recognises, by its AWS name. Recognised is not implemented: names
 * without a registry entry answer 501 NotImplemented.
 */
export const OPERATION_NAMES = [
  // service
  'ListBuckets',
  // bucket
  'CreateBucket', 'HeadBucket', 'DeleteBucket', 'GetBucketLocation',
  'ListObjects', 'ListObjectsV2', 'ListObjectVersions', 'ListMultipartUploads',
  'DeleteObjects', 'PostObject',
  'GetBucketVersioning', 'PutBucketVersioning',
  'GetBucketAcl', 'PutBucketAcl',
  'GetBucketPolicy', 'PutBucketPolicy', 'DeleteBucketPolicy', 'GetBucketPolicyStatus',
  'GetBucketCors', 'PutBucketCors', 'DeleteBucketCors',
  'GetBucketOwnershipControls', 'PutBucketOwnershipControls', 'DeleteBucketOwnershipControls',
  'GetPublicAccessBlock', 'PutPublicAccessBlock', 'DeletePublicAccessBlock',
  'GetBucketTagging', 'PutBucketTagging', 'DeleteBucketTagging',
  'GetBucketLifecycleConfiguration', 'PutBucketLifecycleConfiguration', 'DeleteBucketLifecycle',
  'GetBucketEncryption', 'PutBucketEncryption', 'DeleteBucketEncryption',
  'GetBucketWebsite', 'PutBucketWebsite', 'DeleteBucketWebsite',
  'GetBucketLogging', 'PutBucketLogging',
  'GetBucketNotificationConfiguration', 'PutBucketNotificationConfiguration',
  'GetBucketReplication', 'PutBucketReplication', 'DeleteBucketReplication',
  'GetBucketRequestPayment', 'PutBucketRequestPayment',
  'GetBucketAccelerateConfiguration', 'PutBucketAccelerateConfiguration',
  'GetObjectLockConfiguration', 'PutObjectLockConfiguration',
  // object
  'PutObject', 'CopyObject', 'GetObject', 'HeadObject', 'DeleteObject',
  'CreateMultipartUpload', 'UploadPart', 'UploadPartCopy', 'CompleteMultipartUpload',
  'AbortMultipartUpload', 'ListParts',
  'GetObjectAcl', 'PutObjectAcl',
  'GetObjectTagging', 'PutObjectTagging', 'DeleteObjectTagging',
  'GetObjectAttributes', 'RestoreObject', 'SelectObjectContent',
  'GetObjectRetention', 'PutObjectRetention', 'GetObjectLegalHold', 'PutObjectLegalHold',
  // CORS preflight, on a bucket or an object
  'PreflightRequest',
] as const;

export type OperationName = (typeof OPERATION_NAMES)[number];
