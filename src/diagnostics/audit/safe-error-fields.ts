/**
 * The elements of an S3 error document that may be written to the audit log. An allowlist, not
 * a blocklist: `Token-0` is the session token, `SignatureProvided` the signature,
 * `CanonicalRequest` / `StringToSign` (and their bytes) carry X-Amz-Security-Token and signed
 * header values, `ArgumentValue` may be a whole Authorization header — none of them is kept,
 * nor any element added later until it is listed here.
 */
import type { ErrorFields } from '../../s3/errors/s3-error.ts';

const SAFE = new Set([
  'AWSAccessKeyId',
  'X-Amz-Expires',
  'X-Amz-Date',
  'Expires',
  'ServerTime',
  'RequestTime',
  'MaxAllowedSkewMilliseconds',
  'Region',
  'HeadersNotSigned',
  'BucketName',
  'Key',
  'Condition',
  'Header',
  'ArgumentName',
  'Method',
  'ResourceType',
  'MissingHeaderName',
  'UploadId',
]);

export function safeErrorFields(fields: ErrorFields): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  for (const [name, value] of fields) {
    if (!SAFE.has(name)) continue;
    (out ??= {})[name] = value;
  }
  return out;
}
