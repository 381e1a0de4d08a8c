/**
 * The S3 errors of SigV4 verification, with AWS's exact texts and extra elements in AWS's order
 * (errors.md §2, §4, §5, §6). Header-signed and presigned requests word the same credential
 * problem differently; `AuthForm` picks the wording.
 */
import { S3Error, invalidArgument } from '../../s3/errors/s3-error.ts';
import { isoSeconds } from '../../lib/dates.ts';
import { hexBytes } from './hex-bytes.ts';

export type AuthForm = 'header' | 'query' | 'post';

/**
 * A problem with the Credential of `Authorization`, with `X-Amz-Credential`, or with the
 * `x-amz-credential` field of a POST form (errors.md §2.3, §4; sigv2-and-post.md §4.1: there
 * the bare detail, as InvalidArgument naming the field and its value).
 */
export function credentialError(
  form: AuthForm,
  detail: string,
  options: { region?: string; regionHeader?: boolean; value?: string } = {},
): S3Error {
  const headers: Record<string, string> =
    options.region !== undefined && options.regionHeader === true ? { 'x-amz-bucket-region': options.region } : {};
  if (form === 'post') {
    const error = invalidArgument(detail, 'x-amz-credential', options.value ?? '');
    return new S3Error(error.code, { message: error.message, fields: error.fields, headers });
  }
  const fields: Array<[string, string]> = options.region === undefined ? [] : [['Region', options.region]];
  return form === 'header'
    ? new S3Error('AuthorizationHeaderMalformed', { message: 'The authorization header is malformed; ' + detail, fields, headers })
    : new S3Error('AuthorizationQueryParametersError', {
        message: 'Error parsing the X-Amz-Credential parameter; ' + detail,
        fields,
        headers,
      });
}

export const MALFORMED_CREDENTIAL_DETAIL =
  'the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".';

/** Header form: the Credential's date is not the day of x-amz-date (or Date). */
export function credentialDateMismatch(): S3Error {
  return new S3Error('AuthorizationHeaderMalformed', {
    message: 'The authorization header is malformed; Invalid credential date. Date is not the same as X-Amz-Date.',
  });
}

export function queryParametersError(message: string): S3Error {
  return new S3Error('AuthorizationQueryParametersError', { message });
}

export function missingDate(): S3Error {
  return new S3Error('AccessDenied', { message: 'AWS authentication requires a valid Date or x-amz-date header' });
}

export function requestTimeTooSkewed(rawTime: string, now: number, maxSkewMs: number): S3Error {
  return new S3Error('RequestTimeTooSkewed', {
    fields: [
      ['RequestTime', rawTime],
      ['ServerTime', isoSeconds(now)],
      ['MaxAllowedSkewMilliseconds', String(maxSkewMs)],
    ],
  });
}

export function headersNotSigned(names: readonly string[]): S3Error {
  return new S3Error('AccessDenied', {
    message: 'There were headers present in the request which were not signed',
    fields: [['HeadersNotSigned', names.join(', ')]],
  });
}

export function missingContentSha256(): S3Error {
  return new S3Error('InvalidRequest', { message: 'Missing required header for this request: x-amz-content-sha256' });
}

export function invalidContentSha256(value: string): S3Error {
  return invalidArgument(
    'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER or a valid sha256 value.',
    'x-amz-content-sha256',
    value,
  );
}

export function invalidAccessKeyId(accessKeyId: string, reason: string): S3Error {
  return new S3Error('InvalidAccessKeyId', { fields: [['AWSAccessKeyId', accessKeyId]], reason });
}

export function expiredToken(token: string): S3Error {
  return new S3Error('ExpiredToken', { fields: [['Token-0', token]] });
}

export function invalidToken(token: string, reason: string): S3Error {
  return new S3Error('InvalidToken', { fields: [['Token-0', token]], reason });
}

/** The full SigV4 diagnostic body (errors.md §6), for the seed request and for chunk signatures alike. */
export function signatureDoesNotMatch(details: {
  accessKeyId: string;
  stringToSign: string;
  signatureProvided: string;
  canonicalRequest: string;
  /** For the diagnostics trail (which chunk, which step); never sent. */
  reason?: string;
}): S3Error {
  return new S3Error('SignatureDoesNotMatch', {
    fields: [
      ['AWSAccessKeyId', details.accessKeyId],
      ['StringToSign', details.stringToSign],
      ['SignatureProvided', details.signatureProvided],
      ['StringToSignBytes', hexBytes(details.stringToSign)],
      ['CanonicalRequest', details.canonicalRequest],
      ['CanonicalRequestBytes', hexBytes(details.canonicalRequest)],
    ],
    reason: details.reason,
  });
}
