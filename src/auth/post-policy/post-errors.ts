/**
 * The errors only POST uploads give, with AWS's texts (../shared/spec/sigv2-and-post.md §4.1,
 * §4.3; errors.md §6). Access-key and token failures are SigV4's (credential-failure-error.ts).
 */
import { S3Error, invalidArgument } from '../../s3/errors/s3-error.ts';
import { hexBytes } from '../sigv4/hex-bytes.ts';

/**
 * A required field is absent (AWS-recorded; `ArgumentValue` empty). The two spaces after the
 * first period are AWS's.
 */
export function missingField(name: string): S3Error {
  return invalidArgument(`Bucket POST must contain a field named '${name}'.  If it is specified, please check the order of the fields.`, name, '');
}

/** 400 InvalidPolicyDocument: the policy cannot be decoded or is not a valid policy. */
export function invalidPolicy(detail: string): S3Error {
  return new S3Error('InvalidPolicyDocument', { message: `Invalid Policy: ${detail}` });
}

/** 403 AccessDenied "Invalid according to Policy: …": expired, a condition failed, extra fields. */
export function deniedByPolicy(detail: string): S3Error {
  return new S3Error('AccessDenied', { message: `Invalid according to Policy: ${detail}` });
}

/**
 * POST's SignatureDoesNotMatch (errors.md §6): the string to sign is the base64 policy as sent,
 * and there is no canonical request.
 */
export function postSignatureDoesNotMatch(details: { accessKeyId: string; policy: string; signatureProvided: string }): S3Error {
  return new S3Error('SignatureDoesNotMatch', {
    fields: [
      ['AWSAccessKeyId', details.accessKeyId],
      ['StringToSign', details.policy],
      ['SignatureProvided', details.signatureProvided],
      ['StringToSignBytes', hexBytes(details.policy)],
    ],
    reason: 'the POST form signature does not sign its policy',
  });
}
