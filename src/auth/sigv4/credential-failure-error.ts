import type { CredentialFailure } from '../credential-store.ts';
import type { S3Error } from '../../s3/errors/s3-error.ts';
import { expiredToken, invalidAccessKeyId, invalidToken } from './sigv4-errors.ts';

/**
 * AWS's answer when an access key cannot be resolved (errors.md §5): 403 InvalidAccessKeyId for
 * unknown, inactive and deleted-principal keys and for a session key whose token is missing or
 * belongs to another session; 400 ExpiredToken / InvalidToken with the token as `Token-0`. AWS
 * checks these after the time and unsigned-header checks and before the signature (§9.1 steps
 * 11–12). (A token sent with a long-term key resolves, as `strayToken`: it is reported only once
 * the signature is good, step 14.)
 */
export function credentialFailureError(failure: CredentialFailure, accessKeyId: string, sessionToken: string | undefined): S3Error {
  switch (failure.failure) {
    case 'token-expired':
      return expiredToken(sessionToken ?? '');
    case 'token-malformed':
      return invalidToken(sessionToken ?? '', 'session token malformed');
    default:
      return invalidAccessKeyId(accessKeyId, `credential lookup failed: ${failure.failure}`);
  }
}
