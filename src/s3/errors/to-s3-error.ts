/**
 * The one mapper from anything thrown below the edge to the S3 error the client sees. Unknown
 * errors become InternalError; the caller logs them (the client never sees their text).
 */
import {
  BucketExistsError,
  BucketNotEmptyError,
  BucketNotFoundError,
  UploadNotFoundError,
  WriteConditionFailedError,
} from '../../storage/errors.ts';
import { S3Error, noSuchBucket, noSuchUpload, preconditionFailed } from './s3-error.ts';

export function toS3Error(error: unknown, context: { key?: string; ownerAccountId?: string } = {}): S3Error {
  if (error instanceof S3Error) return error;
  if (error instanceof BucketNotFoundError) return noSuchBucket(error.bucket);
  if (error instanceof BucketNotEmptyError) return new S3Error('BucketNotEmpty', { fields: [['BucketName', error.bucket]] });
  if (error instanceof BucketExistsError) {
    return error.ownerAccountId === context.ownerAccountId
      ? new S3Error('BucketAlreadyOwnedByYou', { fields: [['BucketName', error.bucket]] })
      : new S3Error('BucketAlreadyExists', { fields: [['BucketName', error.bucket]] });
  }
  if (error instanceof UploadNotFoundError) return noSuchUpload(error.uploadId);
  if (error instanceof WriteConditionFailedError) {
    if (error.condition === 'If-Match' && error.reason === 'missing') {
      return new S3Error('NoSuchKey', { fields: [['Key', context.key ?? '']] });
    }
    return preconditionFailed(error.condition);
  }
  if (isClientAbort(error)) return new S3Error('IncompleteBody');
  return new S3Error('InternalError', { reason: error instanceof Error ? error.stack : String(error) });
}

/** The client went away or sent fewer bytes than announced. */
function isClientAbort(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNABORTED';
}
