import { S3Error } from '../../s3/errors/s3-error.ts';

export interface AuthorizationComponents {
  /** `AKID/YYYYMMDD/region/service/aws4_request`, unparsed. */
  credential: string;
  /** `host;x-amz-date`, as sent. */
  signedHeaders: string;
  signature: string;
}

/**
 * Splits what follows `AWS4-HMAC-SHA256 ` in an Authorization header into its three components
 * (sigv4.md §3.1): `Credential=…`, `SignedHeaders=…`, `Signature=…`, separated by `,` with
 * optional spaces, names case-sensitive, in any order. A missing, repeated or unknown component
 * is AuthorizationHeaderMalformed with AWS's "requires three components" text (errors.md §4).
 */
export function parseAuthorizationHeader(params: string): AuthorizationComponents {
  let credential: string | undefined;
  let signedHeaders: string | undefined;
  let signature: string | undefined;
  let start = 0;
  while (start <= params.length) {
    let end = params.indexOf(',', start);
    if (end === -1) end = params.length;
    const part = params.slice(start, end).trim();
    start = end + 1;
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq === -1) throw threeComponents();
    const name = part.slice(0, eq);
    const value = part.slice(eq + 1);
    if (name === 'Credential' && credential === undefined) credential = value;
    else if (name === 'SignedHeaders' && signedHeaders === undefined) signedHeaders = value;
    else if (name === 'Signature' && signature === undefined) signature = value;
    else throw threeComponents();
  }
  if (credential === undefined || signedHeaders === undefined || signature === undefined) throw threeComponents();
  return { credential, signedHeaders, signature };
}

function threeComponents(): S3Error {
  return new S3Error('AuthorizationHeaderMalformed', {
    message:
      'The authorization header is malformed; the authorization header requires three components: Credential, SignedHeaders, and Signature.',
  });
}
