/**
 * Routing: (method, bucket?, key?, query, headers) → the AWS operation. Pure and total: every
 * request maps to an operation name or throws the S3 error AWS gives (MethodNotAllowed,
 * InvalidRequest). Dispatch table: ../shared/spec/s3-core.md §1.3.
 */
import type { S3Request } from '../s3-request.ts';
import { S3Error, invalidRequest } from '../errors/s3-error.ts';
import type { OperationName } from './operation-names.ts';

type Target = 'SERVICE' | 'BUCKET' | 'OBJECT';

/** Bucket sub-resources: query name → operation per method. The first one present wins. */
const BUCKET_SUBRESOURCES: ReadonlyArray<readonly [string, Partial<Record<string, OperationName>>]> = [
  ['location', { GET: 'GetBucketLocation' }],
  ['versioning', { GET: 'GetBucketVersioning', PUT: 'PutBucketVersioning' }],
  ['acl', { GET: 'GetBucketAcl', PUT: 'PutBucketAcl' }],
  ['policyStatus', { GET: 'GetBucketPolicyStatus' }],
  ['policy', { GET: 'GetBucketPolicy', PUT: 'PutBucketPolicy', DELETE: 'DeleteBucketPolicy' }],
  ['cors', { GET: 'GetBucketCors', PUT: 'PutBucketCors', DELETE: 'DeleteBucketCors' }],
  ['ownershipControls', { GET: 'GetBucketOwnershipControls', PUT: 'PutBucketOwnershipControls', DELETE: 'DeleteBucketOwnershipControls' }],
  ['publicAccessBlock', { GET: 'GetPublicAccessBlock', PUT: 'PutPublicAccessBlock', DELETE: 'DeletePublicAccessBlock' }],
  ['tagging', { GET: 'GetBucketTagging', PUT: 'PutBucketTagging', DELETE: 'DeleteBucketTagging' }],
  ['lifecycle', { GET: 'GetBucketLifecycleConfiguration', PUT: 'PutBucketLifecycleConfiguration', DELETE: 'DeleteBucketLifecycle' }],
  ['encryption', { GET: 'GetBucketEncryption', PUT: 'PutBucketEncryption', DELETE: 'DeleteBucketEncryption' }],
  ['website', { GET: 'GetBucketWebsite', PUT: 'PutBucketWebsite', DELETE: 'DeleteBucketWebsite' }],
  ['logging', { GET: 'GetBucketLogging', PUT: 'PutBucketLogging' }],
  ['notification', { GET: 'GetBucketNotificationConfiguration', PUT: 'PutBucketNotificationConfiguration' }],
  ['replication', { GET: 'GetBucketReplication', PUT: 'PutBucketReplication', DELETE: 'DeleteBucketReplication' }],
  ['requestPayment', { GET: 'GetBucketRequestPayment', PUT: 'PutBucketRequestPayment' }],
  ['accelerate', { GET: 'GetBucketAccelerateConfiguration', PUT: 'PutBucketAccelerateConfiguration' }],
  ['object-lock', { GET: 'GetObjectLockConfiguration', PUT: 'PutObjectLockConfiguration' }],
  ['uploads', { GET: 'ListMultipartUploads' }],
  ['versions', { GET: 'ListObjectVersions' }],
  ['delete', { POST: 'DeleteObjects' }],
];

const OBJECT_SUBRESOURCES: ReadonlyArray<readonly [string, Partial<Record<string, OperationName>>]> = [
  ['acl', { GET: 'GetObjectAcl', PUT: 'PutObjectAcl' }],
  ['tagging', { GET: 'GetObjectTagging', PUT: 'PutObjectTagging', DELETE: 'DeleteObjectTagging' }],
  ['attributes', { GET: 'GetObjectAttributes' }],
  ['retention', { GET: 'GetObjectRetention', PUT: 'PutObjectRetention' }],
  ['legal-hold', { GET: 'GetObjectLegalHold', PUT: 'PutObjectLegalHold' }],
  ['restore', { POST: 'RestoreObject' }],
  ['select', { POST: 'SelectObjectContent' }],
  ['uploads', { POST: 'CreateMultipartUpload' }],
];

export function parseOperation(req: S3Request): OperationName {
  const { method, query } = req;
  const target: Target = req.bucket === undefined ? 'SERVICE' : req.key === undefined ? 'BUCKET' : 'OBJECT';
  if (method === 'OPTIONS' && target !== 'SERVICE') return 'PreflightRequest';

  if (target === 'SERVICE') {
    if (method === 'GET') return 'ListBuckets';
    throw methodNotAllowed(method, target);
  }

  if (target === 'BUCKET') {
    for (const [name, byMethod] of BUCKET_SUBRESOURCES) {
      if (!query.has(name)) continue;
      const op = byMethod[method];
      if (op) return op;
      if (method === 'HEAD') return 'HeadBucket';
      throw methodNotAllowed(method, target);
    }
    switch (method) {
      case 'GET':
        return query.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects';
      case 'PUT':
        return 'CreateBucket';
      case 'HEAD':
        return 'HeadBucket';
      case 'DELETE':
        return 'DeleteBucket';
      case 'POST':
        return 'PostObject';
      default:
        throw methodNotAllowed(method, target);
    }
  }

  // Object
  if (method === 'GET' && query.has('uploads')) {
    throw invalidRequest('Key is not expected for the GET method ?uploads subresource');
  }
  if (method === 'GET' && query.has('versions')) {
    throw invalidRequest('There is no such thing as the ?versions sub-resource for a key');
  }
  if (query.has('uploadId')) {
    switch (method) {
      case 'PUT':
        return req.headers.has('x-amz-copy-source') ? 'UploadPartCopy' : 'UploadPart';
      case 'GET':
        return 'ListParts';
      case 'POST':
        return 'CompleteMultipartUpload';
      case 'DELETE':
        return 'AbortMultipartUpload';
      case 'HEAD':
        return 'HeadObject';
      default:
        throw methodNotAllowed(method, target);
    }
  }
  for (const [name, byMethod] of OBJECT_SUBRESOURCES) {
    if (!query.has(name)) continue;
    const op = byMethod[method];
    if (op) return op;
    if (method === 'HEAD') return 'HeadObject';
    throw methodNotAllowed(method, target);
  }
  switch (method) {
    case 'PUT':
      return req.headers.has('x-amz-copy-source') ? 'CopyObject' : 'PutObject';
    case 'GET':
      return 'GetObject';
    case 'HEAD':
      return 'HeadObject';
    case 'DELETE':
      return 'DeleteObject';
    default:
      throw methodNotAllowed(method, target);
  }
}

function methodNotAllowed(method: string, target: Target): S3Error {
  return new S3Error('MethodNotAllowed', {
    fields: [
      ['Method', method],
      ['ResourceType', target],
    ],
  });
}
