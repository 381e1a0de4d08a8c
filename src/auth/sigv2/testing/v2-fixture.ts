/**
 * Test support for SigV2: AWS's example credentials (sigv2-and-post.md), a request builder that
 * says how the bucket was addressed, a signer independent of the code under test (plain
 * HMAC-SHA1 over a string the test writes out by hand), and `runV2`, which runs the real
 * dispatcher with the SigV4 tests' credential store.
 */
import { createHmac } from 'node:crypto';
import type { S3Request } from '../../../s3/s3-request.ts';
import { ManualClock } from '../../../lib/clock.ts';
import { authenticate, type AuthenticateDeps } from '../../authenticate.ts';
import type { Authentication } from '../../authentication.ts';
import { makeRequest, type RequestSpec } from '../../sigv4/testing/make-request.ts';
import { fixtureStore } from '../../sigv4/testing/s3-fixture.ts';

export { rejectsWith, signedOk } from '../../sigv4/testing/s3-fixture.ts';
export { AKID, SECRET, SESSION_AKID, SESSION_SECRET, SESSION_TOKEN, EXPIRED_AKID, INACTIVE_AKID, T0 } from '../../sigv4/testing/s3-fixture.ts';

/** Base64 HMAC-SHA1 of the UTF-8 string under `secret` (sigv2-and-post.md §1.1). */
export function hmacSha1Base64(secret: string, stringToSign: string): string {
  return createHmac('sha1', secret).update(stringToSign, 'utf8').digest('base64');
}

export interface V2RequestSpec extends RequestSpec {
  /** The bucket from the Host header (virtual-hosted style); omit for path style. */
  virtualHostBucket?: string;
}

/** An S3Request as src/http builds it, with the bucket addressing that the CanonicalizedResource depends on. */
export function v2Request(spec: V2RequestSpec): S3Request {
  const req = makeRequest(spec);
  if (spec.virtualHostBucket !== undefined) return { ...req, bucket: spec.virtualHostBucket, addressing: 'virtual-host' };
  const first = req.rawPath.split('/')[1];
  return { ...req, bucket: first === '' ? undefined : first, addressing: 'path' };
}

/** Runs the real dispatcher (authenticate.ts) on a V2 request at `now`, with the fixture credential store. */
export function runV2(spec: V2RequestSpec, options: { now: number; deps?: Partial<AuthenticateDeps> }): Promise<Authentication> {
  const deps: AuthenticateDeps = {
    credentials: fixtureStore(),
    clock: new ManualClock(options.now),
    region: 'us-east-1',
    maxSkewMs: 900_000,
    ...options.deps,
  };
  return authenticate(v2Request(spec), deps);
}
