/**
 * Signature Version 2 (../shared/spec/sigv2-and-post.md §1–3): `Authorization: AWS AKID:signature`
 * and presigned URLs with `AWSAccessKeyId` / `Expires` / `Signature`. AWS accepts SigV2 only in
 * regions launched before 2014 (and for older buckets); elsewhere, and here with `--sigv2=off`,
 * both forms get 400 InvalidRequest "…Please use AWS4-HMAC-SHA256." before anything else is
 * looked at (errors.md §3, §4).
 */
import type { S3Request } from '../../s3/s3-request.ts';
import type { Clock } from '../../lib/clock.ts';
import type { SignedAuthentication } from '../authentication.ts';
import type { CredentialStore } from '../credential-store.ts';
import { authenticateV2Header } from './authenticate-v2-header.ts';
import { authenticateV2Query } from './authenticate-v2-query.ts';
import { sigV2NotSupported } from './sigv2-errors.ts';

export interface AuthenticateV2Deps {
  credentials: CredentialStore;
  clock: Clock;
  maxSkewMs: number;
  /** Accept SigV2 (default true); false answers as a V4-only region does. */
  sigv2?: boolean;
}

/** How the request carries its SigV2 signature. */
export type SigV2Form = { form: 'header'; authorization: string } | { form: 'query' };

export async function authenticateV2(req: S3Request, deps: AuthenticateV2Deps, via: SigV2Form): Promise<SignedAuthentication> {
  if (deps.sigv2 === false) throw sigV2NotSupported(via.form);
  const ctx = { credentials: deps.credentials, now: deps.clock.now(), maxSkewMs: deps.maxSkewMs };
  return via.form === 'header' ? authenticateV2Header(req, via.authorization, ctx) : authenticateV2Query(req, ctx);
}
