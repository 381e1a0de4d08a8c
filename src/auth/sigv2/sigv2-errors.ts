/**
 * The S3 errors only SigV2 gives, with AWS's exact texts and extra elements in AWS's order
 * (errors.md §3, §4, §6). The errors SigV2 shares with SigV4 (missing date, clock skew, access
 * key and token failures) come from ../sigv4/sigv4-errors.ts.
 */
import { S3Error, invalidArgument } from '../../s3/errors/s3-error.ts';
import { isoSeconds } from '../../lib/dates.ts';
import { hexBytes } from '../sigv4/hex-bytes.ts';

/** AWS in a V4-only region, and Coffer with `--sigv2=off` (errors.md §3, §4). */
export function sigV2NotSupported(form: 'header' | 'query'): S3Error {
  return new S3Error('InvalidRequest', {
    message: 'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
    reason: `SigV2 (${form}) is disabled (--sigv2=off)`,
  });
}

/** `Authorization: AWS <something that is not AKID:signature>` (errors.md §4; two spaces after the period). */
export function malformedV2Authorization(value: string): S3Error {
  return invalidArgument('AWS authorization header is invalid.  Expected AwsAccessKeyId:signature', 'Authorization', value);
}

/** `Authorization: AWS AKID:sig extra` — more than the one space the V2 grammar allows (errors.md §4). */
export function extraSpaceInAuthorization(value: string): S3Error {
  return invalidArgument("Authorization header is invalid -- one and only one ' ' (space) required.", 'Authorization', value);
}

/** Some but not all of AWSAccessKeyId / Signature / Expires (errors.md §3). */
export function missingQueryParameters(): S3Error {
  return new S3Error('AccessDenied', {
    message: 'Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters',
  });
}

/**
 * An `Expires` that is not epoch seconds. Not in the spec: this is the wording AWS is reported to
 * use for SigV2 URLs with a non-numeric Expires (unconfirmed), as 403 AccessDenied like the
 * other query-parameter problems.
 */
export function invalidExpires(value: string): S3Error {
  return new S3Error('AccessDenied', { message: `Invalid date (should be seconds since epoch): ${value}` });
}

/** `Expires` has passed: unlike SigV4 there is no `<X-Amz-Expires>` element (errors.md §3). */
export function requestExpired(expiresAtMs: number, now: number): S3Error {
  return new S3Error('AccessDenied', {
    message: 'Request has expired',
    fields: [
      ['Expires', isoSeconds(expiresAtMs)],
      ['ServerTime', isoSeconds(now)],
    ],
  });
}

/**
 * SigV2's SignatureDoesNotMatch (errors.md §6): AWSAccessKeyId, StringToSign, SignatureProvided,
 * StringToSignBytes — no canonical-request elements. `stringToSign` is the byte string that was
 * signed; the element shows it as UTF-8 text, the Bytes element as its bytes.
 */
export function signatureDoesNotMatchV2(details: { accessKeyId: string; stringToSign: string; signatureProvided: string; reason?: string }): S3Error {
  return new S3Error('SignatureDoesNotMatch', {
    fields: [
      ['AWSAccessKeyId', details.accessKeyId],
      ['StringToSign', Buffer.from(details.stringToSign, 'latin1').toString('utf8')],
      ['SignatureProvided', details.signatureProvided],
      ['StringToSignBytes', hexBytes(details.stringToSign)],
    ],
    reason: details.reason,
  });
}
