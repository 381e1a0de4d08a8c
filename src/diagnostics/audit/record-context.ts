/**
 * The condition keys a request supplied beyond what its audit record already says (source IP,
 * transport, user agent, time, signing), named as `coffer simulate --context` takes them — so
 * that `coffer simulate --request <id>` can ask the recorded question again. Derived by the
 * server's own requestFacts, the function authorization used. Never a secret: these are headers
 * and query parameters that policies may test, none of them a credential.
 */
import type { RequestFacts } from '../../authz/authorizer.ts';

const OPERATION_KEYS = {
  prefix: 's3:prefix',
  delimiter: 's3:delimiter',
  maxKeys: 's3:max-keys',
  versionId: 's3:VersionId',
  cannedAcl: 's3:x-amz-acl',
  copySource: 's3:x-amz-copy-source',
  metadataDirective: 's3:x-amz-metadata-directive',
  serverSideEncryption: 's3:x-amz-server-side-encryption',
  sseKmsKeyId: 's3:x-amz-server-side-encryption-aws-kms-key-id',
  sseCustomerAlgorithm: 's3:x-amz-server-side-encryption-customer-algorithm',
  storageClass: 's3:x-amz-storage-class',
  objectOwnership: 's3:x-amz-object-ownership',
  ifMatch: 's3:if-match',
  ifNoneMatch: 's3:if-none-match',
} as const;

const GRANT_KEYS = {
  read: 's3:x-amz-grant-read',
  write: 's3:x-amz-grant-write',
  readAcp: 's3:x-amz-grant-read-acp',
  writeAcp: 's3:x-amz-grant-write-acp',
  fullControl: 's3:x-amz-grant-full-control',
} as const;

// Entry lists built once: this runs for every audited request.
const OPERATION_ENTRIES = Object.entries(OPERATION_KEYS) as Array<[keyof typeof OPERATION_KEYS, string]>;
const GRANT_ENTRIES = Object.entries(GRANT_KEYS) as Array<[keyof typeof GRANT_KEYS, string]>;

export function recordContext(facts: RequestFacts): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  const put = (key: string, value: string | number | undefined) => {
    if (value !== undefined) (out ??= {})[key] = String(value);
  };
  put('aws:Referer', facts.referer);
  put('s3:TlsVersion', facts.tlsVersion);
  put('s3:x-amz-content-sha256', facts.contentSha256);
  const op = facts.operation;
  if (op !== undefined) {
    for (const [field, key] of OPERATION_ENTRIES) put(key, op[field]);
    if (op.grants !== undefined) for (const [field, key] of GRANT_ENTRIES) put(key, op.grants[field]);
    if (op.requestObjectTags !== undefined) for (const [tag, value] of Object.entries(op.requestObjectTags)) put(`s3:RequestObjectTag/${tag}`, value);
  }
  return out;
}
