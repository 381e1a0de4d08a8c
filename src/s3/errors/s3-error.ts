import { S3_ERRORS, type S3ErrorCode } from './error-table.ts';

/** Extra elements of an `<Error>` document, written in this order between Message and RequestId. */
export type ErrorFields = ReadonlyArray<readonly [name: string, value: string]>;

/**
 * An error S3 answers with. `fields` are the code-specific XML elements; `headers` are sent
 * too (x-amz-bucket-region on wrong-region errors, for example). `reason` is for the
 * diagnostics trail only and never leaves the server.
 */
export class S3Error extends Error {
  readonly code: S3ErrorCode;
  readonly status: number;
  readonly fields: ErrorFields;
  readonly headers: Readonly<Record<string, string>>;
  readonly reason: string | undefined;

  constructor(
    code: S3ErrorCode,
    options: { message?: string; fields?: ErrorFields; headers?: Record<string, string>; reason?: string } = {},
  ) {
    super(options.message ?? S3_ERRORS[code].message);
    this.name = 'S3Error';
    this.code = code;
    this.status = S3_ERRORS[code].status;
    this.fields = options.fields ?? [];
    this.headers = options.headers ?? {};
    this.reason = options.reason;
  }
}

/** `InvalidArgument` with the ArgumentName / ArgumentValue elements S3 attaches to it. */
export function invalidArgument(message: string, name: string, value?: string): S3Error {
  const fields: Array<[string, string]> = [['ArgumentName', name]];
  if (value !== undefined) fields.push(['ArgumentValue', value]);
  return new S3Error('InvalidArgument', { message, fields });
}

export function invalidRequest(message: string): S3Error {
  return new S3Error('InvalidRequest', { message });
}

export function malformedXml(): S3Error {
  return new S3Error('MalformedXML');
}

export function noSuchBucket(bucket: string): S3Error {
  return new S3Error('NoSuchBucket', { fields: [['BucketName', bucket]] });
}

export function noSuchKey(key: string): S3Error {
  return new S3Error('NoSuchKey', { fields: [['Key', key]] });
}

export function noSuchUpload(uploadId: string): S3Error {
  return new S3Error('NoSuchUpload', { fields: [['UploadId', uploadId]] });
}

export function preconditionFailed(condition: string): S3Error {
  return new S3Error('PreconditionFailed', { fields: [['Condition', condition]] });
}
