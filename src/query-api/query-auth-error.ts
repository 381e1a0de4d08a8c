/**
 * Authentication failures as STS and IAM word them (../shared/spec/sts-iam.md §2.7), which
 * differ from S3's: an unknown key is InvalidClientTokenId, an expired session is a 403, a
 * wrong scope is a SignatureDoesNotMatch with "Credential should be scoped…", a skewed clock a
 * SignatureDoesNotMatch naming the three times. A malformed session token, or one sent with a
 * long-term key, is InvalidClientTokenId like an unknown key (§2.7: "unknown access key, ASIA key
 * without token, token for a deleted/recreated role").
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
      return new QueryApiError(403, 'SignatureDoesNotMatch', skewMessage(error), { reason });
    case 'AccessDenied':
      return new QueryApiError(403, 'AccessDenied', error.message, { reason });
    default:
      return new QueryApiError(error.status, error.code, error.message, { reason });
  }
}

/**
 * STS/IAM's words for a request outside the allowed skew (as AWS answers, e.g.
 * `Signature expired: 20240501T115900Z is now earlier than 20240501T121000Z (20240501T122500Z - 15 min.)`
 * or `Signature not yet current: … is still later than … (… + 15 min.)`), built from the
 * RequestTimeTooSkewed fields. A request time that is not an x-amz-date (SigV2's Date) keeps a
 * generic sentence.
 */
function skewMessage(error: S3Error): string {
  const field = (name: string) => error.fields.find(([n]) => n === name)?.[1];
  const requestTime = field('RequestTime') ?? '';
  const serverIso = field('ServerTime');
  const skewMs = Number(field('MaxAllowedSkewMilliseconds') ?? 900_000);
  const request = parseBasic(requestTime);
  const server = serverIso === undefined ? Number.NaN : Date.parse(serverIso);
  const minutes = `${Math.round(skewMs / 60_000)} min.`;
  if (request === undefined || Number.isNaN(server)) return `Signature expired: the request time is too far from the server time (${minutes})`;
  if (request < server) {
    return `Signature expired: ${requestTime} is now earlier than ${basic(server - skewMs)} (${basic(server)} - ${minutes})`;
  }
  return `Signature not yet current: ${requestTime} is still later than ${basic(server + skewMs)} (${basic(server)} + ${minutes})`;
}

function parseBasic(text: string): number | undefined {
  const m = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(text);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : undefined;
}

function basic(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').slice(0, 15) + 'Z';
}
