import type { S3Request } from '../../s3/s3-request.ts';
import { isCredentialFailure, type CredentialStore } from '../credential-store.ts';
import type { SignedAuthentication } from '../authentication.ts';
import { S3Error } from '../../s3/errors/s3-error.ts';
import { canonicalHeaders } from './canonical-headers.ts';
import { credentialFailureError } from './credential-failure-error.ts';
import { canonicalRequest } from './canonical-request.ts';
import { hmacSha256Hex } from './hmac-sha256.ts';
import type { CredentialScope } from './parse-credential-scope.ts';
import { signatureMatches } from './signature-matches.ts';
import { invalidToken, signatureDoesNotMatch } from './sigv4-errors.ts';
import { stringToSign } from './string-to-sign.ts';

/** Everything the header and presigned forms agree on once their own checks have passed. */
export interface SignatureClaim {
  scheme: 'v4-header' | 'v4-query';
  credential: CredentialScope;
  /** As sent: `host;x-amz-date`. */
  signedHeaders: string;
  signature: string;
  amzDate: string;
  signedAt: number;
  canonicalQuery: string;
  payloadHash: string;
  sessionToken: string | undefined;
}

/**
 * The shared tail of SigV4 verification (errors.md §9.1 steps 11–14): resolve the access key,
 * rebuild the canonical request and string to sign, compare signatures in constant time, and only
 * then report a token sent with a long-term key. A good signature yields the SignedAuthentication,
 * with the seed that aws-chunked chunk signatures chain from.
 */
export async function verifySignature(
  req: S3Request,
  claim: SignatureClaim,
  deps: { credentials: CredentialStore; now: number },
): Promise<SignedAuthentication> {
  const { credential: scope } = claim;
  const credential = await deps.credentials.resolve(scope.accessKeyId, claim.sessionToken, deps.now);
  if (isCredentialFailure(credential)) throw credentialFailureError(credential, scope.accessKeyId, claim.sessionToken);

  const headers = canonicalHeaders(req.headers, claim.signedHeaders);
  const canonical = canonicalRequest({
    method: req.method,
    canonicalUri: scope.rules.canonicalUri(req.rawPath),
    canonicalQuery: claim.canonicalQuery,
    canonicalHeaders: headers.text,
    signedHeaders: claim.signedHeaders,
    payloadHash: claim.payloadHash,
  });
  const toSign = stringToSign(claim.amzDate, scope.scope, canonical);
  const signingKey = credential.signingKey(scope.date, scope.region, scope.service);
  const computed = hmacSha256Hex(signingKey, toSign);

  if (headers.missing || !signatureMatches(claim.signature, computed)) {
    throw signatureDoesNotMatch({
      accessKeyId: scope.accessKeyId,
      stringToSign: toSign,
      signatureProvided: claim.signature,
      canonicalRequest: canonical,
    });
  }
  if (credential.strayToken !== undefined) throw invalidToken(credential.strayToken, 'session token sent with a long-term key');
  const principal = credential.principal;
  if (principal.type === 'Anonymous') {
    throw new S3Error('InternalError', { reason: `credential store resolved ${scope.accessKeyId} to the anonymous principal` });
  }
  return {
    kind: 'signed',
    scheme: claim.scheme,
    principal,
    credential,
    signatureVersion: 'AWS4-HMAC-SHA256',
    signedAt: claim.signedAt,
    scope: { date: scope.date, region: scope.region, service: scope.service },
    seed: {
      signature: claim.signature,
      amzDate: claim.amzDate,
      scopeString: scope.scope,
      signingKey,
      canonicalRequest: canonical,
    },
  };
}
