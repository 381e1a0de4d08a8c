import type { QueryParams } from '../../s3/s3-request.ts';
import { MAX_PRESIGNED_EXPIRES_SECONDS, PRESIGN_PARAMS, PRESIGN_TOKEN_PARAM, SIGV4_ALGORITHM } from './constants.ts';
import { parseAmzDate } from '../../lib/dates.ts';
import { parseCredentialScope, type CredentialScope } from './parse-credential-scope.ts';
import type { ServiceRules } from './service-rules.ts';
import { queryParametersError } from './sigv4-errors.ts';

export interface PresignedParameters {
  credential: CredentialScope;
  /** X-Amz-SignedHeaders as sent. */
  signedHeaders: string;
  signature: string;
  /** X-Amz-Date as sent (validated): the RequestDateTime of the string to sign. */
  amzDate: string;
  /** X-Amz-Date as epoch ms. */
  signedAt: number;
  /** X-Amz-Expires in seconds, 0 … 604800. */
  expiresSeconds: number;
  /** X-Amz-Security-Token, when sent. */
  sessionToken: string | undefined;
}

const NUMBER = /^-?[0-9]+$/;

/**
 * Reads the X-Amz-* parameters of a presigned URL in AWS's order (errors.md §9.1 steps 2–7):
 * all six present, the algorithm, the credential (syntax, region, service), X-Amz-Date's format
 * and its day against the credential date, then X-Amz-Expires (a number, non-negative, at most a
 * week). Each failure is 400 AuthorizationQueryParametersError with AWS's text (errors.md §2.3).
 */
export function parsePresignedParameters(query: QueryParams, options: { accepted: readonly ServiceRules[] }): PresignedParameters {
  // One pass over the parameters (the first of each name counts, as QueryParams.get), rather
  // than a scan per name: this runs on every presigned request.
  let algorithm: string | undefined;
  let credentialText: string | undefined;
  let signature: string | undefined;
  let amzDate: string | undefined;
  let signedHeaders: string | undefined;
  let expires: string | undefined;
  let sessionToken: string | undefined;
  for (const [name, value] of query.all()) {
    switch (name) {
      case PRESIGN_PARAMS.algorithm:
        algorithm ??= value;
        break;
      case PRESIGN_PARAMS.credential:
        credentialText ??= value;
        break;
      case PRESIGN_PARAMS.signature:
        signature ??= value;
        break;
      case PRESIGN_PARAMS.date:
        amzDate ??= value;
        break;
      case PRESIGN_PARAMS.signedHeaders:
        signedHeaders ??= value;
        break;
      case PRESIGN_PARAMS.expires:
        expires ??= value;
        break;
      case PRESIGN_TOKEN_PARAM:
        sessionToken ??= value;
        break;
    }
  }
  if (
    algorithm === undefined ||
    credentialText === undefined ||
    signature === undefined ||
    amzDate === undefined ||
    signedHeaders === undefined ||
    expires === undefined
  ) {
    throw queryParametersError(
      'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
    );
  }
  if (algorithm !== SIGV4_ALGORITHM) throw queryParametersError(`X-Amz-Algorithm only supports "${SIGV4_ALGORITHM}"`);

  const credential = parseCredentialScope(credentialText, { form: 'query', accepted: options.accepted });

  const signedAt = parseAmzDate(amzDate);
  if (signedAt === undefined) {
    throw queryParametersError(`X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'"`);
  }
  const day = amzDate.slice(0, 8);
  if (credential.date !== day) {
    throw queryParametersError(`Invalid credential date "${credential.date}". This date is not the same as X-Amz-Date: "${day}".`);
  }

  if (!NUMBER.test(expires)) throw queryParametersError('X-Amz-Expires should be a number');
  const expiresSeconds = Number(expires);
  if (expiresSeconds < 0) throw queryParametersError('X-Amz-Expires must be non-negative');
  if (expiresSeconds > MAX_PRESIGNED_EXPIRES_SECONDS) {
    // No final period: AWS's text (errors.md §2.3).
    throw queryParametersError(
      'X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds',
    );
  }

  return {
    credential,
    signedHeaders,
    signature,
    amzDate,
    signedAt,
    expiresSeconds,
    sessionToken,
  };
}
