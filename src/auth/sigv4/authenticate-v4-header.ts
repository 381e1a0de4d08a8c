import type { S3Request } from '../../s3/s3-request.ts';
import type { SignedAuthentication } from '../authentication.ts';
import { canonicalQueryString } from './canonical-query-string.ts';
import { checkClockSkew } from './check-clock-skew.ts';
import { checkContentSha256 } from './check-content-sha256.ts';
import { findUnsignedHeaders } from './find-unsigned-headers.ts';
import { parseAuthorizationHeader } from './parse-authorization-header.ts';
import { parseCredentialScope } from './parse-credential-scope.ts';
import { requestTime } from './request-time.ts';
import type { SigV4Context } from './sigv4-context.ts';
import { credentialDateMismatch, headersNotSigned, missingContentSha256, missingDate } from './sigv4-errors.ts';
import { verifySignature } from './verify-signature.ts';

/**
 * Verifies `Authorization: AWS4-HMAC-SHA256 <params>` (sigv4.md §3, §6) in AWS's order
 * (errors.md §9.1, header form): components → credential scope (region, service) → timestamp
 * present and within the skew → credential date is the x-amz-date day → x-amz-content-sha256
 * present and valid → `host` and `x-amz-*` signed → access key and token → signature.
 */
export async function authenticateV4Header(req: S3Request, params: string, ctx: SigV4Context): Promise<SignedAuthentication> {
  const components = parseAuthorizationHeader(params);
  const credential = parseCredentialScope(components.credential, { form: 'header', accepted: ctx.accepted });

  const time = requestTime(req.headers);
  if (time === undefined) throw missingDate();
  checkClockSkew(time, ctx.now, ctx.maxSkewMs);
  if (time.amzDate.slice(0, 8) !== credential.date) throw credentialDateMismatch();

  const { rules } = credential;
  let payloadHash: string;
  if (rules.payload.from === 'body') {
    payloadHash = rules.payload.sha256;
  } else {
    const sent = req.headers.get('x-amz-content-sha256');
    if (sent === undefined) throw missingContentSha256();
    payloadHash = checkContentSha256(sent);
  }

  const unsigned = findUnsignedHeaders(req.headers, components.signedHeaders, { amzHeaders: rules.requireSignedAmzHeaders });
  if (unsigned.length > 0) throw headersNotSigned(unsigned);

  return verifySignature(
    req,
    {
      scheme: 'v4-header',
      credential,
      signedHeaders: components.signedHeaders,
      signature: components.signature,
      amzDate: time.amzDate,
      signedAt: time.ms,
      canonicalQuery: canonicalQueryString(req.rawQuery),
      payloadHash,
      sessionToken: req.headers.get('x-amz-security-token'),
    },
    { credentials: ctx.credentials, now: ctx.now },
  );
}
