/**
 * SigV2 (`Authorization: AWS AKID:signature` and `AWSAccessKeyId`/`Signature`/`Expires` query
 * parameters, ../shared/spec/sigv2-and-post.md). NOT IMPLEMENTED YET: a later issue adds it.
 * Until then every SigV2 request gets what AWS answers in a V4-only region (errors.md §3, §4).
 */
import type { S3Request } from '../../s3/s3-request.ts';
import { S3Error } from '../../s3/errors/s3-error.ts';
import type { Clock } from '../../lib/clock.ts';
import type { SignedAuthentication } from '../authentication.ts';
import type { CredentialStore } from '../credential-store.ts';

export interface AuthenticateV2Deps {
  credentials: CredentialStore;
  clock: Clock;
  maxSkewMs: number;
}

/** How the request carries its SigV2 signature. */
export type SigV2Form = { form: 'header'; authorization: string } | { form: 'query' };

export async function authenticateV2(req: S3Request, deps: AuthenticateV2Deps, via: SigV2Form): Promise<SignedAuthentication> {
  throw new S3Error('InvalidRequest', {
    message: 'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
    reason: `SigV2 (${via.form}) is not implemented yet`,
  });
}
