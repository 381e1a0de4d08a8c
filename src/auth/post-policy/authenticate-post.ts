/**
 * Authenticates a browser POST upload from its form fields (../shared/spec/sigv2-and-post.md
 * §4): the policy, its signature and the credential that signed it. The checks run in the order
 * AWS runs those of presigned URLs (errors.md §9.1) — the first failing one is the error:
 *
 * 1. the `key` field (InvalidArgument), then the signature fields (InvalidArgument per field);
 * 2. V4: `x-amz-algorithm` value, `x-amz-credential` scope (InvalidArgument naming the field),
 *    `x-amz-date` format; V2: refused when SigV2 is off (InvalidRequest);
 * 3. the policy document (InvalidPolicyDocument), then its expiration against the injected
 *    clock (AccessDenied "Invalid according to Policy: Policy expired.") — before the key lookup,
 *    as an expired presigned URL says so whatever its key or signature;
 * 4. the access key and session token (InvalidAccessKeyId; ExpiredToken before the signature);
 * 5. the signature over the base64 policy (SignatureDoesNotMatch), then a token sent with a
 *    long-term key (InvalidToken);
 * 6. the policy's conditions (AccessDenied "Invalid according to Policy: …");
 * 7. while the file streams, content-length-range (EntityTooLarge / EntityTooSmall).
 *
 * A form without signature fields is anonymous; the authorizer decides (AWS allows it only where
 * the bucket grants public write). On any failure the file is discarded, so the connection can
 * carry the error response.
 */
import type { Authentication, SignedAuthentication } from '../authentication.ts';
import type { AuthenticateDeps } from '../authenticate.ts';
import { isCredentialFailure } from '../credential-store.ts';
import type { PostForm, PostUpload } from '../../s3/post/post-form.ts';
import type { S3Request } from '../../s3/s3-request.ts';
import { S3Error, invalidArgument } from '../../s3/errors/s3-error.ts';
import { parseAmzDate } from '../../lib/dates.ts';
import { SIGV4_ALGORITHM } from '../sigv4/constants.ts';
import { credentialFailureError } from '../sigv4/credential-failure-error.ts';
import { parseCredentialScope } from '../sigv4/parse-credential-scope.ts';
import { s3Rules } from '../sigv4/service-rules.ts';
import { invalidToken } from '../sigv4/sigv4-errors.ts';
import { checkPolicyConditions } from './check-policy-conditions.ts';
import { decodePostPolicy } from './decode-post-policy.ts';
import { expandKey } from './expand-key.ts';
import { fileSizeBounds, limitFileSize } from './file-size-limit.ts';
import { deniedByPolicy, postSignatureDoesNotMatch } from './post-errors.ts';
import type { PostPolicy } from './post-policy.ts';
import { postSignatureMatches, type PostSignature } from './post-signature-matches.ts';
import { readPostCredentials, type PostCredentials } from './read-post-credentials.ts';

export async function authenticatePost(
  req: S3Request,
  form: PostForm,
  deps: AuthenticateDeps,
): Promise<{ auth: Authentication; upload: PostUpload }> {
  try {
    const { auth, key, policy } = await verifyForm(req, form, deps);
    const stream = limitFileSize(form.file.stream, fileSizeBounds(policy));
    return { auth, upload: { form: { ...form, file: { ...form.file, stream } }, key, policy } };
  } catch (error) {
    form.file.stream.destroy();
    throw error;
  }
}

async function verifyForm(
  req: S3Request,
  form: PostForm,
  deps: AuthenticateDeps,
): Promise<{ auth: Authentication; key: string; policy: PostPolicy | undefined }> {
  const now = deps.clock.now();
  const key = expandKey(form.fields.get('key'), form.file.filename);
  const claim = readPostCredentials(form);
  if (claim.kind === 'anonymous') return { auth: { kind: 'anonymous', principal: { type: 'Anonymous' } }, key, policy: undefined };

  const signing = checkSigningFields(claim, deps);
  const policy = decodePostPolicy(claim.policy);
  if (now >= policy.expiration) throw deniedByPolicy('Policy expired.');

  const accessKeyId = signing.accessKeyId;
  const credential = await deps.credentials.resolve(accessKeyId, claim.sessionToken, now);
  if (isCredentialFailure(credential)) throw credentialFailureError(credential, accessKeyId, claim.sessionToken);
  if (!postSignatureMatches(credential, claim.policy, claim.signature, signing.signature)) {
    throw postSignatureDoesNotMatch({ accessKeyId, policy: claim.policy, signatureProvided: claim.signature });
  }
  if (credential.strayToken !== undefined) throw invalidToken(credential.strayToken, 'session token sent with a long-term key');
  const principal = credential.principal;
  if (principal.type === 'Anonymous') {
    throw new S3Error('InternalError', { reason: `credential store resolved ${accessKeyId} to the anonymous principal` });
  }

  checkPolicyConditions(policy, {
    fields: form.fields,
    key,
    bucket: req.bucket ?? '',
    exempt: claim.kind === 'v2' ? V2_EXEMPT : NONE,
  });

  const auth: SignedAuthentication = {
    kind: 'signed',
    scheme: 'post-policy',
    principal,
    credential,
    signatureVersion: signing.signature.version,
    signedAt: signing.signedAt ?? now,
    ...(signing.signature.version === 'AWS4-HMAC-SHA256' ? { scope: signing.signature.scope } : {}),
  };
  return { auth, key, policy };
}

const V2_EXEMPT: ReadonlySet<string> = new Set(['awsaccesskeyid']);
const NONE: ReadonlySet<string> = new Set();

/**
 * The checks of the signing fields that need neither the policy nor the key store. V4: the
 * algorithm, the credential scope (region and service of this bucket), the x-amz-date format
 * (it is the signing time; the policy's expiration, not a skew window, bounds the form's life).
 */
function checkSigningFields(
  claim: Exclude<PostCredentials, { kind: 'anonymous' }>,
  deps: AuthenticateDeps,
): { accessKeyId: string; signature: PostSignature; signedAt: number | undefined } {
  if (claim.kind === 'v2') {
    if (deps.sigv2 === false) {
      throw new S3Error('InvalidRequest', {
        message: 'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
        reason: 'SigV2 (POST form) is disabled (--sigv2=off)',
      });
    }
    // s3:signatureAge is always 0 for V2 (§3): it was signed "now".
    return { accessKeyId: claim.accessKeyId, signature: { version: 'AWS' }, signedAt: undefined };
  }
  if (claim.algorithm !== SIGV4_ALGORITHM) {
    // AWS's text when a request is signed with a mechanism the endpoint does not take (errors.md §4).
    throw new S3Error('InvalidRequest', {
      message: 'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
      reason: `POST form x-amz-algorithm ${claim.algorithm}`,
    });
  }
  const scope = parseCredentialScope(claim.credential, { form: 'post', accepted: [s3Rules(deps.region)] });
  const signedAt = parseAmzDate(claim.amzDate);
  if (signedAt === undefined) {
    throw invalidArgument(`X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'"`, 'x-amz-date', claim.amzDate);
  }
  return {
    accessKeyId: scope.accessKeyId,
    signature: { version: 'AWS4-HMAC-SHA256', scope: { date: scope.date, region: scope.region, service: scope.service } },
    signedAt,
  };
}
