/**
 * A SigV2 presigned URL (sigv2-and-post.md §2): `AWSAccessKeyId`, `Expires` (epoch seconds) and
 * `Signature` = Base64(HMAC-SHA1(secret, StringToSign)), built with the verifier's own
 * string-to-sign steps (auth/sigv2). Temporary credentials add `x-amz-security-token`, which is
 * also one of the CanonicalizedAmzHeaders. Cross-checked against botocore's HmacV1QueryAuth.
 */
import { createHmac } from 'node:crypto';
import { canonicalAmzHeaders } from '../../auth/sigv2/canonical-amz-headers.ts';
import { canonicalResource } from '../../auth/sigv2/canonical-resource.ts';
import { SECURITY_TOKEN, V2_QUERY_PARAMS } from '../../auth/sigv2/constants.ts';
import { stringToSignV2 } from '../../auth/sigv2/string-to-sign-v2.ts';
import { RequestHeaders } from '../../s3/s3-request.ts';
import type { SignedUrl, SigningCredentials } from './presign-v4.ts';

export interface PresignV2Input {
  method: string;
  origin: string;
  rawPath: string;
  /** Virtual-hosted style puts the bucket in the host; the canonical resource then starts with it. */
  addressing: 'virtual-host' | 'path';
  bucket: string | undefined;
  credentials: SigningCredentials;
  /** Epoch ms after which the URL is refused (rounded down to whole seconds). */
  expiresAt: number;
}

export function presignV2(input: PresignV2Input): SignedUrl {
  const expires = String(Math.floor(input.expiresAt / 1000));
  const token = input.credentials.sessionToken;
  const toSign = stringToSignV2({
    method: input.method,
    contentMd5: '',
    contentType: '',
    dateLine: expires,
    amzHeaders: canonicalAmzHeaders(new RequestHeaders(new Map()), { fromQuery: token === undefined ? [] : [[SECURITY_TOKEN, token]] }),
    resource: canonicalResource({ rawPath: input.rawPath, rawQuery: '', bucket: input.bucket, addressing: input.addressing }),
  });
  const signature = createHmac('sha1', input.credentials.secretAccessKey).update(Buffer.from(toSign, 'latin1')).digest('base64');
  let query = `${V2_QUERY_PARAMS.accessKeyId}=${encodeURIComponent(input.credentials.accessKeyId)}&${V2_QUERY_PARAMS.expires}=${expires}`;
  if (token !== undefined) query += `&${SECURITY_TOKEN}=${encodeURIComponent(token)}`;
  query += `&${V2_QUERY_PARAMS.signature}=${encodeURIComponent(signature)}`;
  return { url: `${input.origin}${input.rawPath}?${query}`, canonicalRequest: '', stringToSign: toSign, signature };
}
