/**
 * Authentication failures as STS and IAM word them (../shared/spec/sts-iam.md §2.7), which
 * differ from S3's: an unknown key is InvalidClientTokenId, an expired session is a 403, a
 * wrong scope is a SignatureDoesNotMatch with "Credential should be scoped…".
 */
import { S3Error } from '../s3/errors/s3-error.ts';
import { QueryApiError } from './query-error.ts';

export function queryAuthError(error: unknown, service: 'sts' | 'iam'): unknown {
  if (!(error instanceof S3Error)) return error;
  const reason = `${error.code}: ${error.message}`;
  switch (error.code) {
    case 'InvalidAccessKeyId':
    case 'InvalidToken':
      return new QueryApiError(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.', { reason });
    case 'ExpiredToken':
      return new QueryApiError(403, 'ExpiredToken', 'The security token included in the request is expired', { reason });
    case 'SignatureDoesNotMatch':
      return new QueryApiError(
        403,
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
        { reason },
      );
    case 'AuthorizationHeaderMalformed':
    case 'AuthorizationQueryParametersError': {
      const region = /region '[^']*' is wrong/.test(error.message);
      const wrongService = /incorrect service/.test(error.message);
      if (region || wrongService) {
        const text =
          (region ? 'Credential should be scoped to a valid region. ' : '') +
          (wrongService ? `Credential should be scoped to correct service: '${service}'. ` : '');
        return new QueryApiError(403, 'SignatureDoesNotMatch', text, { reason });
      }
      return new QueryApiError(400, 'IncompleteSignature', error.message, { reason });
    }
    case 'RequestTimeTooSkewed':
      return new QueryApiError(403, 'SignatureDoesNotMatch', 'Signature expired: the request time is too far from the server time (15 min.)', { reason });
    case 'AccessDenied':
      return new QueryApiError(403, 'AccessDenied', error.message, { reason });
    default:
      return new QueryApiError(error.status, error.code, error.message, { reason });
  }
}
