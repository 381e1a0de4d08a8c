import { S3Error } from '../../s3/errors/s3-error.ts';
import type { SignedAuthentication } from '../authentication.ts';
import { isCredentialFailure, type CredentialStore } from '../credential-store.ts';
import { credentialFailureError } from '../sigv4/credential-failure-error.ts';
import { invalidToken } from '../sigv4/sigv4-errors.ts';
import { SIGV2_SIGNATURE_VERSION } from './constants.ts';
import { signatureDoesNotMatchV2 } from './sigv2-errors.ts';
import { signatureV2Matches } from './signature-v2-matches.ts';

/** What the header and query forms agree on once their own checks have passed. */
export interface V2SignatureClaim {
  scheme: 'v2-header' | 'v2-query';
  accessKeyId: string;
  signature: string;
  sessionToken: string | undefined;
  /** The strings the client may have signed (byte strings), the one to report first. */
  stringsToSign: readonly string[];
  /** Header form: the Date / x-amz-date instant; query form: the request time (s3:signatureAge 0). */
  signedAt: number;
}

/**
 * The shared tail of SigV2 verification, in AWS's order (errors.md §9.1 steps 11–14): resolve the
 * access key and session token (InvalidAccessKeyId, ExpiredToken, InvalidToken for a malformed
 * token — the SigV4 mapping), compare the signature in constant time (SignatureDoesNotMatch with
 * SigV2's four elements), and only then report a token sent with a long-term key (InvalidToken).
 * The secret never leaves the store: it signs each candidate with `signV2`.
 */
export async function verifySignatureV2(
  claim: V2SignatureClaim,
  deps: { credentials: CredentialStore; now: number },
): Promise<SignedAuthentication> {
  const credential = await deps.credentials.resolve(claim.accessKeyId, claim.sessionToken, deps.now);
  if (isCredentialFailure(credential)) throw credentialFailureError(credential, claim.accessKeyId, claim.sessionToken);

  let matched = false;
  for (const candidate of claim.stringsToSign) {
    // The client signed UTF-8 bytes; signV2 takes text, so give it the text those bytes spell.
    const computed = credential.signV2(Buffer.from(candidate, 'latin1').toString('utf8'));
    // Every candidate is compared, so the time taken does not say which one matched.
    if (signatureV2Matches(claim.signature, computed)) matched = true;
  }
  if (!matched) {
    throw signatureDoesNotMatchV2({
      accessKeyId: claim.accessKeyId,
      stringToSign: claim.stringsToSign[0] ?? '',
      signatureProvided: claim.signature,
    });
  }
  if (credential.strayToken !== undefined) throw invalidToken(credential.strayToken, 'session token sent with a long-term key');
  const principal = credential.principal;
  if (principal.type === 'Anonymous') {
    throw new S3Error('InternalError', { reason: `credential store resolved ${claim.accessKeyId} to the anonymous principal` });
  }
  return {
    kind: 'signed',
    scheme: claim.scheme,
    principal,
    credential,
    signatureVersion: SIGV2_SIGNATURE_VERSION,
    signedAt: claim.signedAt,
  };
}
