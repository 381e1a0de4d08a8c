/**
 * STS's operation errors (sts-iam.md §2.2–2.4, §2.7), worded once. Marked [AWS] where the words
 * were observed on AWS, [uncertain] where they are ours or seen only once.
 */
import { QueryApiError } from '../query-api/query-error.ts';

/** [AWS] Every AssumeRole authorization failure, including a role that does not exist. */
export function notAuthorizedToAssume(callerArn: string, action: string, roleArn: string): QueryApiError {
  return new QueryApiError(403, 'AccessDenied', `User: ${callerArn} is not authorized to perform: ${action} on resource: ${roleArn}`);
}

/** [AWS] Every AssumeRoleWithWebIdentity trust failure. */
export function notAuthorizedWebIdentity(): QueryApiError {
  return new QueryApiError(403, 'AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity');
}

/** [AWS] `Roles may not be assumed by root accounts.` — AssumeRole called with root credentials. */
export function rootMayNotAssume(): QueryApiError {
  return new QueryApiError(403, 'AccessDenied', 'Roles may not be assumed by root accounts.');
}

/** [AWS] GetSessionToken called with temporary credentials. */
export function getSessionTokenWithSession(): QueryApiError {
  return new QueryApiError(403, 'AccessDenied', 'Cannot call GetSessionToken with session credentials');
}

/** [AWS] A TokenCode that does not verify. */
export function invalidMfaCode(): QueryApiError {
  return new QueryApiError(403, 'AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code.');
}

/** [AWS, single report: the double space is as captured] A serial number not associated with the caller. */
export function unknownMfaDevice(): QueryApiError {
  return new QueryApiError(
    403,
    'AccessDenied',
    'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.',
  );
}

/** [AWS] A RoleArn of valid length that is not an ARN. */
export function invalidArn(value: string): QueryApiError {
  return new QueryApiError(400, 'ValidationError', `${value} is invalid`);
}

/** [AWS] */
export function exceedsMaxSessionDuration(): QueryApiError {
  return new QueryApiError(400, 'ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
}

/** [AWS] */
export function exceedsRoleChainingLimit(): QueryApiError {
  return new QueryApiError(400, 'ValidationError', 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
}

export function invalidIdentityToken(message: string): QueryApiError {
  return new QueryApiError(400, 'InvalidIdentityToken', message);
}

/** The JWT's `exp` has passed. [AWS, from user reports] the words; the status 400 per the model. */
export function expiredWebIdentityToken(nowSeconds: number, expSeconds: number): QueryApiError {
  return new QueryApiError(
    400,
    'ExpiredTokenException',
    `Token expired: current date/time ${nowSeconds} must be before the expiration date/time ${expSeconds}`,
  );
}
