import type { S3Request } from '../../s3/s3-request.ts';
import type { SignedAuthentication } from '../authentication.ts';
import { checkClockSkew } from '../sigv4/check-clock-skew.ts';
import { missingDate } from '../sigv4/sigv4-errors.ts';
import { SECURITY_TOKEN } from './constants.ts';
import { headerStringsToSign } from './header-strings-to-sign.ts';
import { parseV2Authorization } from './parse-v2-authorization.ts';
import type { SigV2Context } from './sigv2-context.ts';
import { v2RequestTime } from './v2-request-time.ts';
import { verifySignatureV2 } from './verify-signature-v2.ts';

/**
 * Verifies `Authorization: AWS AKID:signature` (sigv2-and-post.md §1) in AWS's order (errors.md
 * §9.1, header form): header syntax (400 InvalidArgument) → a valid Date or x-amz-date (403
 * AccessDenied) within the allowed skew (403 RequestTimeTooSkewed) → access key and session token
 * → signature → a token sent with a long-term key. Every x-amz-* header is signed by
 * construction, so there is no unsigned-header check.
 */
export async function authenticateV2Header(req: S3Request, authorization: string, ctx: SigV2Context): Promise<SignedAuthentication> {
  const { accessKeyId, signature } = parseV2Authorization(authorization);
  const time = v2RequestTime(req.headers);
  if (time === undefined) throw missingDate();
  checkClockSkew(time, ctx.now, ctx.maxSkewMs);
  return verifySignatureV2(
    {
      scheme: 'v2-header',
      accessKeyId,
      signature,
      sessionToken: req.headers.get(SECURITY_TOKEN),
      stringsToSign: headerStringsToSign(req),
      signedAt: time.ms,
    },
    ctx,
  );
}
