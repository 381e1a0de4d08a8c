import type { S3Request } from '../../s3/s3-request.ts';
import type { SignedAuthentication } from '../authentication.ts';
import { canonicalAmzHeaders } from './canonical-amz-headers.ts';
import { canonicalResource } from './canonical-resource.ts';
import { checkV2Expires } from './check-v2-expires.ts';
import { SECURITY_TOKEN } from './constants.ts';
import { parseV2QueryParameters } from './parse-v2-query-parameters.ts';
import type { SigV2Context } from './sigv2-context.ts';
import { positionalLines, stringToSignV2 } from './string-to-sign-v2.ts';
import { verifySignatureV2 } from './verify-signature-v2.ts';

/**
 * Verifies a presigned V2 URL (sigv2-and-post.md §2) in AWS's order: all three parameters →
 * Expires not passed (both before the key lookup, errors.md §9.1) → access key and session token
 * → signature → a token sent with a long-term key. The string to sign has `Expires` on the Date
 * line; Date / x-amz-date are not used and no skew rule applies.
 *
 * `x-amz-*` query parameters count as amz headers: `x-amz-security-token` (§2), and whatever
 * else botocore's presigner moved from the headers into the URL (it moves every x-amz-* header).
 * The signature age is 0 (s3:signatureAge, §3): `signedAt` is the request time.
 */
export async function authenticateV2Query(req: S3Request, ctx: SigV2Context): Promise<SignedAuthentication> {
  const params = parseV2QueryParameters(req.query);
  checkV2Expires(params.expiresAt, ctx.now);

  const fromQuery = req.query
    .all()
    .filter(([name]) => name.toLowerCase().startsWith('x-amz-'))
    // Decoded query values are text; header values (and so the string to sign) are byte strings.
    .map(([name, value]) => [name, Buffer.from(value, 'utf8').toString('latin1')] as const);
  const stringToSign = stringToSignV2({
    method: req.method,
    ...positionalLines(req.headers),
    dateLine: params.expires,
    amzHeaders: canonicalAmzHeaders(req.headers, { fromQuery }),
    resource: canonicalResource(req),
  });
  return verifySignatureV2(
    {
      scheme: 'v2-query',
      accessKeyId: params.accessKeyId,
      signature: params.signature,
      sessionToken: params.sessionToken ?? req.headers.get(SECURITY_TOKEN),
      stringsToSign: [stringToSign],
      signedAt: ctx.now,
    },
    ctx,
  );
}
