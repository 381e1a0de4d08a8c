import type { S3Request } from '../../s3/s3-request.ts';
import type { SignedAuthentication } from '../authentication.ts';
import { canonicalQueryString } from './canonical-query-string.ts';
import { checkContentSha256 } from './check-content-sha256.ts';
import { checkPresignedWindow } from './check-presigned-window.ts';
import { PRESIGN_PARAMS, UNSIGNED_PAYLOAD } from './constants.ts';
import { findUnsignedHeaders } from './find-unsigned-headers.ts';
import { parsePresignedParameters } from './parse-presigned-parameters.ts';
import type { SigV4Context } from './sigv4-context.ts';
import { headersNotSigned } from './sigv4-errors.ts';
import { verifySignature } from './verify-signature.ts';

/**
 * Verifies a presigned URL (sigv4.md §4) in AWS's order (errors.md §9.1): parameters, algorithm,
 * credential, X-Amz-Date, X-Amz-Expires, not yet valid, expired — all before the key lookup —
 * then unsigned headers, access key and token, signature. The canonical query string is every
 * parameter except X-Amz-Signature; with S3 the payload is `UNSIGNED-PAYLOAD` unless the client
 * sent an x-amz-content-sha256 header, whose value then counts whether signed or not (§2.4).
 */
export async function authenticateV4Query(req: S3Request, ctx: SigV4Context): Promise<SignedAuthentication> {
  const params = parsePresignedParameters(req.query, { accepted: ctx.accepted });
  checkPresignedWindow(params, ctx.now, ctx.maxSkewMs);

  const { rules } = params.credential;
  const sent = req.headers.get('x-amz-content-sha256');
  const payloadHash = rules.payload.from === 'body' ? rules.payload.sha256 : sent === undefined ? UNSIGNED_PAYLOAD : checkContentSha256(sent);

  const unsigned = findUnsignedHeaders(req.headers, params.signedHeaders, { amzHeaders: rules.requireSignedAmzHeaders });
  if (unsigned.length > 0) throw headersNotSigned(unsigned);

  return verifySignature(
    req,
    {
      scheme: 'v4-query',
      credential: params.credential,
      signedHeaders: params.signedHeaders,
      signature: params.signature,
      amzDate: params.amzDate,
      signedAt: params.signedAt,
      canonicalQuery: canonicalQueryString(req.rawQuery, { exclude: PRESIGN_PARAMS.signature }),
      payloadHash,
      sessionToken: params.sessionToken ?? req.headers.get('x-amz-security-token'),
    },
    { credentials: ctx.credentials, now: ctx.now },
  );
}
