/**
 * A SigV4 presigned URL (sigv4.md §4), assembled from the verifier's own steps — the same
 * canonical URI, canonical query string, string to sign and signing key the server checks —
 * so that what `coffer presign` makes is by construction what `authenticate` accepts. Cross-checked
 * against AWS's signers (@smithy/signature-v4, @aws-sdk/s3-request-presigner) in the tests.
 *
 * Only `host` is signed and the payload is `UNSIGNED-PAYLOAD` (§4.2): any client can send the
 * body. Temporary credentials add X-Amz-Security-Token, which is signed with the rest of the query.
 */
import { uriEncode } from '../../lib/uri-encode.ts';
import { amzDate } from '../../lib/dates.ts';
import { canonicalQueryString } from '../../auth/sigv4/canonical-query-string.ts';
import { canonicalRequest } from '../../auth/sigv4/canonical-request.ts';
import { PRESIGN_PARAMS, PRESIGN_TOKEN_PARAM, SCOPE_TERMINATOR, SIGV4_ALGORITHM, UNSIGNED_PAYLOAD } from '../../auth/sigv4/constants.ts';
import { deriveSigningKey } from '../../auth/sigv4/derive-signing-key.ts';
import { hmacSha256Hex } from '../../auth/sigv4/hmac-sha256.ts';
import { s3CanonicalUri } from '../../auth/sigv4/s3-canonical-uri.ts';
import { canonicalHeaders } from '../../auth/sigv4/canonical-headers.ts';
import { RequestHeaders } from '../../s3/s3-request.ts';
import { stringToSign } from '../../auth/sigv4/string-to-sign.ts';

export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface PresignV4Input {
  method: string;
  /** `https://host[:port]` */
  origin: string;
  /** The Host header value that will be sent (and is signed). */
  host: string;
  /** Percent-encoded path, as on the wire. */
  rawPath: string;
  /** Other query parameters, already encoded (`versionId=…&response-content-type=…`); default none. */
  rawQuery?: string;
  credentials: SigningCredentials;
  region: string;
  /** Epoch ms of signing: X-Amz-Date. */
  now: number;
  /** X-Amz-Expires, 1 … 604800. */
  expiresSeconds: number;
  service?: string;
}

export interface SignedUrl {
  url: string;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
}

export function presignV4(input: PresignV4Input): SignedUrl {
  const date = amzDate(input.now);
  const scope = `${date.slice(0, 8)}/${input.region}/${input.service ?? 's3'}/${SCOPE_TERMINATOR}`;
  const params: Array<[string, string]> = [
    [PRESIGN_PARAMS.algorithm, SIGV4_ALGORITHM],
    [PRESIGN_PARAMS.credential, `${input.credentials.accessKeyId}/${scope}`],
    [PRESIGN_PARAMS.date, date],
    [PRESIGN_PARAMS.expires, String(input.expiresSeconds)],
  ];
  if (input.credentials.sessionToken !== undefined) params.push([PRESIGN_TOKEN_PARAM, input.credentials.sessionToken]);
  params.push([PRESIGN_PARAMS.signedHeaders, 'host']);

  let query = input.rawQuery ?? '';
  for (const [name, value] of params) query += (query === '' ? '' : '&') + name + '=' + uriEncode(value, false);
  const canonical = canonicalRequest({
    method: input.method,
    canonicalUri: s3CanonicalUri(input.rawPath),
    canonicalQuery: canonicalQueryString(query),
    canonicalHeaders: canonicalHeaders(RequestHeaders.fromObject({ host: input.host }), 'host').text,
    signedHeaders: 'host',
    payloadHash: UNSIGNED_PAYLOAD,
  });
  const toSign = stringToSign(date, scope, canonical);
  const key = deriveSigningKey(input.credentials.secretAccessKey, date.slice(0, 8), input.region, input.service ?? 's3');
  const signature = hmacSha256Hex(key, toSign);
  return {
    url: `${input.origin}${input.rawPath}?${query}&${PRESIGN_PARAMS.signature}=${signature}`,
    canonicalRequest: canonical,
    stringToSign: toSign,
    signature,
  };
}
