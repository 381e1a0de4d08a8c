/**
 * Coffer's `/.coffer/` endpoints in-process: who may read and move the clock, what the inspect
 * endpoint accepts, and that `/.coffer/…` on a virtual-hosted bucket stays an object key.
 */
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import pino from 'pino';
import { MemoryCredentialStore } from '../auth/memory-credential-store.ts';
import { accountRoot, type Principal } from '../auth/principal.ts';
import { buildS3Request, tolerantQuery } from '../diagnostics/inspect/build-request.ts';
import { splitUrl } from '../diagnostics/inspect/split-url.ts';
import { signV4Headers } from '../diagnostics/signing/sign-v4-header.ts';
import { AdjustableClock, ManualClock } from '../lib/clock.ts';
import type { S3Deps } from '../s3/s3-deps.ts';
import { handleAdminRequest } from './admin-routes.ts';

const NOW = Date.UTC(2024, 4, 1, 12);
const account = { accountId: '123456789012', canonicalId: 'c'.repeat(64), displayName: 'a', email: 'a@example.com' };
const user: Principal = { type: 'User', account, arn: 'arn:aws:iam::123456789012:user/alice', userName: 'alice', userId: 'AIDAALICE' };
const ROOT = { accessKeyId: 'AKIAROOT', secretAccessKey: 'root-secret' };
const ALICE = { accessKeyId: 'AKIAALICE', secretAccessKey: 'alice-secret' };

function deps(): S3Deps & { clock: AdjustableClock } {
  const credentials = new MemoryCredentialStore([
    { ...ROOT, principal: accountRoot(account) },
    { ...ALICE, principal: user },
  ]);
  // Only what the admin routes use; the rest of S3Deps is not touched by them.
  const used: Pick<S3Deps, 'metadata' | 'credentials' | 'region' | 'maxSkewMs' | 'sigv2' | 'logger'> & { clock: AdjustableClock } = {
    metadata: { getBucket: async () => undefined } as unknown as S3Deps['metadata'],
    credentials,
    clock: new AdjustableClock(new ManualClock(NOW)),
    region: 'us-east-1',
    maxSkewMs: 900_000,
    sigv2: true,
    logger: pino({ level: 'silent' }),
  };
  return used as S3Deps & { clock: AdjustableClock };
}

async function call(d: S3Deps, o: { method: string; url: string; body?: unknown; as?: { accessKeyId: string; secretAccessKey: string }; at?: number }) {
  const url = splitUrl(o.url)!;
  const body = o.body === undefined ? '' : JSON.stringify(o.body);
  const headers = o.as ? signV4Headers({ method: o.method, host: url.authority, rawPath: url.rawPath, body, credentials: o.as, region: 'us-east-1', now: o.at ?? d.clock.now() }) : {};
  const style = url.hostname.endsWith('.localhost') ? 'virtual-host' : 'path';
  const addressing = style === 'path' ? { bucket: '.coffer', key: url.rawPath.slice('/.coffer/'.length), style } as const : { bucket: 'photos', key: url.rawPath.slice(1), style } as const;
  const req = { ...buildS3Request({ method: o.method, url, headers: Object.entries(headers), query: tolerantQuery(url.rawQuery), addressing, now: NOW }), body: Readable.from([Buffer.from(body)]) };
  const outcome = await handleAdminRequest(req, {} as IncomingMessage, d);
  return outcome && { status: outcome.response.status, headers: outcome.response.headers, json: JSON.parse(String(outcome.response.body)) };
}

describe('/.coffer/clock', () => {
  it('an account root reads and moves the clock', async () => {
    const d = deps();
    assert.deepEqual((await call(d, { method: 'GET', url: 'http://127.0.0.1:9000/.coffer/clock', as: ROOT }))?.json, { now: '2024-05-01T12:00:00Z', offsetMs: 0, offset: '0' });
    const moved = await call(d, { method: 'PUT', url: 'http://127.0.0.1:9000/.coffer/clock', body: { offset: '+20m' }, as: ROOT });
    assert.deepEqual(moved, { status: 200, headers: { 'content-type': 'application/json' }, json: { now: '2024-05-01T12:20:00Z', offsetMs: 1_200_000, offset: '+20m' } });
    assert.equal(d.clock.now(), NOW + 1_200_000);
    // Signed by the real clock, 20 minutes behind the server's now: the usual skew rule applies.
    const skewed = await call(d, { method: 'PUT', url: 'http://127.0.0.1:9000/.coffer/clock', body: { offset: 0 }, as: ROOT, at: NOW });
    assert.equal(skewed?.json.error.code, 'RequestTimeTooSkewed');
    await call(d, { method: 'PUT', url: 'http://127.0.0.1:9000/.coffer/clock', body: { offset: -60_000 }, as: ROOT });
    assert.equal(d.clock.offsetMs, -60_000);
  });

  it('anyone else gets 403 AccessDenied as JSON; a bad signature gets the S3 error', async () => {
    const d = deps();
    for (const as of [undefined, ALICE]) {
      const r = await call(d, { method: 'PUT', url: 'http://127.0.0.1:9000/.coffer/clock', body: { offset: '+1h' }, ...(as ? { as } : {}) });
      assert.equal(r?.status, 403);
      assert.equal(r?.json.error.code, 'AccessDenied');
      assert.match(r?.json.error.message, /Only an account root may read or move the server clock/);
    }
    const forged = await call(d, { method: 'GET', url: 'http://127.0.0.1:9000/.coffer/clock', as: { accessKeyId: ROOT.accessKeyId, secretAccessKey: 'guess' } });
    assert.equal(forged?.json.error.code, 'SignatureDoesNotMatch');
    assert.equal(d.clock.offsetMs, 0);
  });

  it('a bad offset is 400 with the reason; other methods are 405', async () => {
    const d = deps();
    const bad = await call(d, { method: 'PUT', url: 'http://127.0.0.1:9000/.coffer/clock', body: { offset: 'later' }, as: ROOT });
    assert.deepEqual([bad?.status, bad?.json.error.code, bad?.json.error.message], [400, 'InvalidRequest', 'offset: "later" is not a duration (examples: 900000, 90s, 15m, -2h)']);
    const del = await call(d, { method: 'DELETE', url: 'http://127.0.0.1:9000/.coffer/clock', as: ROOT });
    assert.deepEqual([del?.status, del?.headers.allow], [405, 'GET, PUT']);
  });
});

describe('/.coffer/inspect', () => {
  it('needs a JSON body with a URL', async () => {
    const r = await call(deps(), { method: 'POST', url: 'http://127.0.0.1:9000/.coffer/inspect', body: { nope: 1 } });
    assert.deepEqual([r?.status, r?.json.error.code], [400, 'InvalidRequest']);
    assert.match(r?.json.error.message, /"url": an absolute http\(s\) URL/);
  });

  it('a URL the HTTP layer would refuse is refused in the outcome', async () => {
    const r = await call(deps(), { method: 'POST', url: 'http://127.0.0.1:9000/.coffer/inspect', body: { url: 'http://127.0.0.1:9000/b/k?a=%zz' } });
    assert.equal(r?.json.outcome.error.code, 'InvalidURI');
  });

  it('unknown endpoints are an error; /.coffer/… in a virtual-hosted bucket is an object key, not Coffer’s', async () => {
    assert.equal((await call(deps(), { method: 'GET', url: 'http://127.0.0.1:9000/.coffer/nothing' }))?.status, 400);
    assert.equal(await call(deps(), { method: 'GET', url: 'http://photos.localhost:9000/.coffer/clock' }), undefined);
  });
});
