/**
 * The facts of a request that S3 condition keys are made of (policy-evaluation.md §5): who is
 * asking from where and how, and the operation's own parameters — each only when the request
 * has it, and the listing keys only for the listing actions (§5.2 "Present for").
 */
import type { Authentication } from '../auth/authentication.ts';
import type { RequestFacts } from '../authz/authorizer.ts';
import type { S3OperationFacts } from '../authz/policy/index.ts';
import { parseTaggingHeader } from './object-headers/stored-headers.ts';
import type { S3Request } from './s3-request.ts';

const LIST_ACTIONS = new Set(['s3:listbucket', 's3:listbucketversions']);

export function requestFacts(req: S3Request, auth: Authentication, action: string): RequestFacts {
  const h = req.headers;
  const q = req.query;
  const operation: { -readonly [K in keyof S3OperationFacts]: S3OperationFacts[K] } = {};
  if (LIST_ACTIONS.has(action.toLowerCase())) {
    if (q.has('prefix')) operation.prefix = q.get('prefix');
    if (q.has('delimiter')) operation.delimiter = q.get('delimiter');
    if (q.has('max-keys')) operation.maxKeys = q.get('max-keys');
  }
  if (q.has('versionId')) operation.versionId = q.get('versionId');
  const set = <K extends keyof S3OperationFacts>(key: K, header: string) => {
    const v = h.get(header);
    if (v !== undefined) operation[key] = v as never;
  };
  set('cannedAcl', 'x-amz-acl');
  set('copySource', 'x-amz-copy-source');
  set('metadataDirective', 'x-amz-metadata-directive');
  set('serverSideEncryption', 'x-amz-server-side-encryption');
  set('sseKmsKeyId', 'x-amz-server-side-encryption-aws-kms-key-id');
  set('sseCustomerAlgorithm', 'x-amz-server-side-encryption-customer-algorithm');
  set('storageClass', 'x-amz-storage-class');
  set('objectOwnership', 'x-amz-object-ownership');
  set('ifMatch', 'if-match');
  set('ifNoneMatch', 'if-none-match');
  const grants = {
    read: h.get('x-amz-grant-read'),
    write: h.get('x-amz-grant-write'),
    readAcp: h.get('x-amz-grant-read-acp'),
    writeAcp: h.get('x-amz-grant-write-acp'),
    fullControl: h.get('x-amz-grant-full-control'),
  };
  if (Object.values(grants).some((v) => v !== undefined)) operation.grants = grants;
  if (h.has('x-amz-tagging')) {
    try {
      operation.requestObjectTags = Object.fromEntries(parseTaggingHeader(h) ?? []);
    } catch {
      // A malformed tagging header is the handler's error to report; it grants nothing here.
    }
  }
  return {
    now: req.receivedAt,
    secureTransport: req.secure,
    ...(req.tlsVersion ? { tlsVersion: req.tlsVersion } : {}),
    ...(req.remoteAddress ? { sourceIp: req.remoteAddress } : {}),
    ...(h.has('user-agent') ? { userAgent: h.get('user-agent')! } : {}),
    ...(h.has('referer') ? { referer: h.get('referer')! } : {}),
    ...(auth.kind === 'signed' && auth.signatureVersion === 'AWS4-HMAC-SHA256' && h.has('x-amz-content-sha256')
      ? { contentSha256: h.get('x-amz-content-sha256')! }
      : {}),
    operation,
  };
}
