/**
 * The operation registry: for each AWS operation Coffer implements, the IAM action it is
 * authorized as, the resource that action applies to, whether the bucket must exist, how its
 * body is read, and its handler (../shared/spec/policy-evaluation.md §6). The pipeline enforces
 * all of it; an operation missing here answers 501 NotImplemented.
 */
import type { S3Request } from '../s3-request.ts';
import type { OperationName } from './operation-names.ts';
import type { OperationSpec } from './operation-spec.ts';
import { getBucketAcl } from './acl/get-bucket-acl.ts';
import { getObjectAcl } from './acl/get-object-acl.ts';
import { putBucketAcl } from './acl/put-bucket-acl.ts';
import { putObjectAcl } from './acl/put-object-acl.ts';
import { deleteBucketOwnershipControls } from './ownership/delete-bucket-ownership-controls.ts';
import { getBucketOwnershipControls } from './ownership/get-bucket-ownership-controls.ts';
import { putBucketOwnershipControls } from './ownership/put-bucket-ownership-controls.ts';
import { deletePublicAccessBlock } from './public-access-block/delete-public-access-block.ts';
import { getPublicAccessBlock } from './public-access-block/get-public-access-block.ts';
import { putPublicAccessBlock } from './public-access-block/put-public-access-block.ts';
import { deleteBucketPolicy } from './policy/delete-bucket-policy.ts';
import { getBucketPolicy } from './policy/get-bucket-policy.ts';
import { getBucketPolicyStatus } from './policy/get-bucket-policy-status.ts';
import { putBucketPolicy } from './policy/put-bucket-policy.ts';
import { createBucket } from './bucket/create-bucket.ts';
import { deleteBucket } from './bucket/delete-bucket.ts';
import { getBucketLocation } from './bucket/get-bucket-location.ts';
import { getBucketVersioning } from './bucket/get-bucket-versioning.ts';
import { headBucket } from './bucket/head-bucket.ts';
import { listBuckets } from './bucket/list-buckets.ts';
import { deleteBucketCors } from './cors/delete-bucket-cors.ts';
import { getBucketCors } from './cors/get-bucket-cors.ts';
import { preflightRequest } from './cors/preflight-request.ts';
import { putBucketCors } from './cors/put-bucket-cors.ts';
import { listObjectVersions } from './listing/list-object-versions.ts';
import { listObjects, listObjectsV2 } from './listing/list-objects.ts';
import { abortMultipartUpload } from './multipart/abort-multipart-upload.ts';
import { completeMultipartUpload } from './multipart/complete-multipart-upload.ts';
import { createMultipartUpload } from './multipart/create-multipart-upload.ts';
import { listMultipartUploads } from './multipart/list-multipart-uploads.ts';
import { listParts } from './multipart/list-parts.ts';
import { uploadPart } from './multipart/upload-part.ts';
import { uploadPartCopy } from './multipart/upload-part-copy.ts';
import { copyObject } from './object/copy-object.ts';
import { deleteObject } from './object/delete-object.ts';
import { deleteObjects } from './object/delete-objects.ts';
import { getObject, headObject } from './object/get-object.ts';
import { putObject } from './object/put-object.ts';
import { postObject } from './object/post-object.ts';

/** `s3:GetObject`, or its *Version form when the request names a version. */
const versioned = (action: string) => (req: S3Request) => (req.query.has('versionId') ? action.replace(/Object$/, 'ObjectVersion') : action);
/** `s3:GetObjectAcl` → `s3:GetObjectVersionAcl` when the request names a version. */
const versionedAcl = (action: string) => (req: S3Request) => (req.query.has('versionId') ? action.replace(/ObjectAcl$/, 'ObjectVersionAcl') : action);

const ACL_HEADERS = ['x-amz-acl', 'x-amz-grant-read', 'x-amz-grant-write', 'x-amz-grant-read-acp', 'x-amz-grant-write-acp', 'x-amz-grant-full-control'];
const hasAclHeaders = (req: S3Request) => ACL_HEADERS.some((h) => req.headers.has(h));

/** An object write that also sets an ACL needs s3:PutObjectAcl; one that sets tags, s3:PutObjectTagging. */
function objectWriteExtras(req: S3Request): Array<{ action: string; on: 'resource' }> {
  const extras: Array<{ action: string; on: 'resource' }> = [];
  if (hasAclHeaders(req)) extras.push({ action: 's3:PutObjectAcl', on: 'resource' });
  if (req.headers.has('x-amz-tagging')) extras.push({ action: 's3:PutObjectTagging', on: 'resource' });
  return extras;
}

const KiB = 1024;
const MiB = 1024 * KiB;

export const OPERATIONS: Partial<Record<OperationName, OperationSpec>> = {
  ListBuckets: { action: 's3:ListAllMyBuckets', resource: 'account', needsBucket: false, body: 'none', handler: listBuckets },
  CreateBucket: {
    action: 's3:CreateBucket',
    resource: 'bucket',
    needsBucket: false,
    body: { xml: 64 * KiB },
    alsoAuthorize: (req) => [
      ...(hasAclHeaders(req) ? [{ action: 's3:PutBucketAcl', on: 'resource' as const }] : []),
      ...(req.headers.has('x-amz-object-ownership') ? [{ action: 's3:PutBucketOwnershipControls', on: 'resource' as const }] : []),
    ],
    handler: createBucket,
  },
  HeadBucket: { action: 's3:ListBucket', resource: 'bucket', needsBucket: true, body: 'none', handler: headBucket },
  DeleteBucket: { action: 's3:DeleteBucket', resource: 'bucket', needsBucket: true, body: 'none', handler: deleteBucket },
  GetBucketLocation: { action: 's3:GetBucketLocation', resource: 'bucket', needsBucket: true, body: 'none', handler: getBucketLocation },
  GetBucketVersioning: { action: 's3:GetBucketVersioning', resource: 'bucket', needsBucket: true, body: 'none', handler: getBucketVersioning },

  // CORS (s3-core.md §10). DeleteBucketCors is authorized as s3:PutBucketCORS: IAM has no delete
  // action for it (policy-evaluation.md §6.2). A CORS configuration is at most 64 KB.
  PutBucketCors: { action: 's3:PutBucketCORS', resource: 'bucket', needsBucket: true, body: { xml: 64 * KiB }, handler: putBucketCors },
  GetBucketCors: { action: 's3:GetBucketCORS', resource: 'bucket', needsBucket: true, body: 'none', handler: getBucketCors },
  DeleteBucketCors: { action: 's3:PutBucketCORS', resource: 'bucket', needsBucket: true, body: 'none', handler: deleteBucketCors },
  // A preflight is never authenticated nor authorized (the action is never checked), and answers
  // a missing bucket itself ("CORSResponse: Bucket not found"), hence needsBucket false.
  PreflightRequest: {
    action: 'none',
    resource: 'bucket',
    needsBucket: false,
    body: 'none',
    credentials: 'none',
    handler: preflightRequest,
  },

  // ACLs, Object Ownership, Block Public Access (policy-evaluation.md §6, §8). The Delete forms of
  // ownership controls and public access block are authorized as their Put action (§6.2).
  GetBucketAcl: { action: 's3:GetBucketAcl', resource: 'bucket', needsBucket: true, body: 'none', handler: getBucketAcl },
  PutBucketAcl: { action: 's3:PutBucketAcl', resource: 'bucket', needsBucket: true, body: { xml: 64 * KiB }, handler: putBucketAcl },
  GetObjectAcl: { action: versionedAcl('s3:GetObjectAcl'), resource: 'object', needsBucket: true, body: 'none', handler: getObjectAcl },
  PutObjectAcl: { action: versionedAcl('s3:PutObjectAcl'), resource: 'object', needsBucket: true, body: { xml: 64 * KiB }, handler: putObjectAcl },
  GetBucketOwnershipControls: {
    action: 's3:GetBucketOwnershipControls',
    resource: 'bucket',
    needsBucket: true,
    body: 'none',
    handler: getBucketOwnershipControls,
  },
  PutBucketOwnershipControls: {
    action: 's3:PutBucketOwnershipControls',
    resource: 'bucket',
    needsBucket: true,
    body: { xml: 64 * KiB },
    handler: putBucketOwnershipControls,
  },
  DeleteBucketOwnershipControls: {
    action: 's3:PutBucketOwnershipControls',
    resource: 'bucket',
    needsBucket: true,
    body: 'none',
    handler: deleteBucketOwnershipControls,
  },
  GetPublicAccessBlock: { action: 's3:GetBucketPublicAccessBlock', resource: 'bucket', needsBucket: true, body: 'none', handler: getPublicAccessBlock },
  PutPublicAccessBlock: {
    action: 's3:PutBucketPublicAccessBlock',
    resource: 'bucket',
    needsBucket: true,
    body: { xml: 64 * KiB },
    handler: putPublicAccessBlock,
  },
  DeletePublicAccessBlock: {
    action: 's3:PutBucketPublicAccessBlock',
    resource: 'bucket',
    needsBucket: true,
    body: 'none',
    handler: deletePublicAccessBlock,
  },

  // Bucket policies (policy-evaluation.md §1, §6.2, §8.4). The document is at most 20 KB, which
  // the policy engine enforces with S3's MalformedPolicy message; reading stops at 64 KB.
  PutBucketPolicy: { action: 's3:PutBucketPolicy', resource: 'bucket', needsBucket: true, body: { xml: 64 * KiB }, handler: putBucketPolicy },
  GetBucketPolicy: { action: 's3:GetBucketPolicy', resource: 'bucket', needsBucket: true, body: 'none', handler: getBucketPolicy },
  DeleteBucketPolicy: { action: 's3:DeleteBucketPolicy', resource: 'bucket', needsBucket: true, body: 'none', handler: deleteBucketPolicy },
  GetBucketPolicyStatus: { action: 's3:GetBucketPolicyStatus', resource: 'bucket', needsBucket: true, body: 'none', handler: getBucketPolicyStatus },

  ListObjects: { action: 's3:ListBucket', resource: 'bucket', needsBucket: true, body: 'none', handler: listObjects },
  ListObjectsV2: { action: 's3:ListBucket', resource: 'bucket', needsBucket: true, body: 'none', handler: listObjectsV2 },
  ListObjectVersions: { action: 's3:ListBucketVersions', resource: 'bucket', needsBucket: true, body: 'none', handler: listObjectVersions },
  ListMultipartUploads: {
    action: 's3:ListBucketMultipartUploads',
    resource: 'bucket',
    needsBucket: true,
    body: 'none',
    handler: listMultipartUploads,
  },

  PutObject: { action: 's3:PutObject', resource: 'object', needsBucket: true, body: 'stream', alsoAuthorize: objectWriteExtras, handler: putObject },
  // Browser upload: credentials, key and policy come from the form; authorized on the form's key.
  PostObject: {
    action: 's3:PutObject',
    resource: 'object',
    needsBucket: true,
    body: 'stream',
    credentials: 'post-form',
    handler: postObject,
  },
  CopyObject: {
    action: 's3:PutObject',
    resource: 'object',
    needsBucket: true,
    body: 'none',
    alsoAuthorize: (req) => [{ action: 's3:GetObject', on: 'copy-source' }, ...objectWriteExtras(req)],
    anonymousDenial: 'Anonymous users cannot copy objects.  Please authenticate.',
    handler: copyObject,
  },
  GetObject: { action: versioned('s3:GetObject'), resource: 'object', needsBucket: true, body: 'none', hidesMissingKeys: true, handler: getObject },
  HeadObject: { action: versioned('s3:GetObject'), resource: 'object', needsBucket: true, body: 'none', hidesMissingKeys: true, handler: headObject },
  DeleteObject: { action: versioned('s3:DeleteObject'), resource: 'object', needsBucket: true, body: 'none', handler: deleteObject },
  // Authorized per key inside (s3:DeleteObject for each); the bucket-level check is the floor.
  // Authorized per key, each as s3:DeleteObject on its own object, inside the handler
  // (policy-evaluation.md §6.1): a denied key is an <Error> entry, not a failed request.
  DeleteObjects: { action: 's3:DeleteObject', resource: 'bucket', needsBucket: true, body: { xml: 2 * MiB }, checkedPerKey: true, handler: deleteObjects },

  CreateMultipartUpload: {
    action: 's3:PutObject',
    resource: 'object',
    needsBucket: true,
    body: 'none',
    alsoAuthorize: objectWriteExtras,
    anonymousDenial: 'Anonymous users cannot initiate multipart uploads.  Please authenticate.',
    handler: createMultipartUpload,
  },
  UploadPart: { action: 's3:PutObject', resource: 'object', needsBucket: true, body: 'stream', handler: uploadPart },
  UploadPartCopy: {
    action: 's3:PutObject',
    resource: 'object',
    needsBucket: true,
    body: 'none',
    alsoAuthorize: () => [{ action: 's3:GetObject', on: 'copy-source' }],
    handler: uploadPartCopy,
  },
  CompleteMultipartUpload: {
    action: 's3:PutObject',
    resource: 'object',
    needsBucket: true,
    body: { xml: 4 * MiB },
    handler: completeMultipartUpload,
  },
  AbortMultipartUpload: { action: 's3:AbortMultipartUpload', resource: 'object', needsBucket: true, body: 'none', handler: abortMultipartUpload },
  ListParts: { action: 's3:ListMultipartUploadParts', resource: 'object', needsBucket: true, body: 'none', handler: listParts },
};
