/**
 * What the server says about a request: the outcome now, the key's status as far as the caller
 * may know it, the clock, and the effective expiry (the URL's or the session's, whichever is first).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryCredentialStore } from '../../auth/memory-credential-store.ts';
import { accountRoot } from '../../auth/principal.ts';
import { buildS3Request, tolerantQuery } from './build-request.ts';
import { inspectOnServer, type ServerInspectDeps } from './inspect-on-server.ts';
import { offlineAddressing } from './offline-addressing.ts';
import { splitUrl } from './split-url.ts';
import { AKID, SECRET, SIGNED_AT, presigned } from './testing/inspect-fixture.ts';

const account = { accountId: '123456789012', canonicalId: 'c'.repeat(64), displayName: 'a', email: 'a@example.com' };
const ENDPOINT = 'http://127.0.0.1:9000';

function request(url: string, now: number) {
  const parts = splitUrl(url)!;
  return buildS3Request({ method: 'GET', url: parts, headers: [], query: tolerantQuery(parts.rawQuery), addressing: offlineAddressing(parts.hostname, parts.rawPath, []), now });
}

function deps(store: MemoryCredentialStore, at: number, disclosure: ServerInspectDeps['disclosure'] = 'request'): ServerInspectDeps {
  return { credentials: store, now: at, clockOffsetMs: 20 * 60_000, region: 'us-east-1', maxSkewMs: 900_000, sigv2: true, disclosure };
}

describe('inspectOnServer', () => {
  it('an active key and a fresh URL: accepted, with the clock and when the URL stops working', async () => {
    const store = new MemoryCredentialStore([{ accessKeyId: AKID, secretAccessKey: SECRET, principal: accountRoot(account) }]);
    const url = presigned({ endpoint: ENDPOINT, expiresSeconds: 600 });
    const r = await inspectOnServer(request(url, SIGNED_AT + 60_000), deps(store, SIGNED_AT + 60_000));
    assert.deepEqual(r, {
      clock: { now: '2024-05-01T12:01:00Z', offsetMs: 1200000, offset: '+20m' },
      region: 'us-east-1',
      bucket: 'examplebucket',
      outcome: { accepted: true, principal: 'arn:aws:iam::123456789012:root', scheme: 'v4-query' },
      accessKey: { id: AKID, status: 'active', temporary: false },
      expiry: { url: '2024-05-01T12:10:00Z', effective: '2024-05-01T12:10:00Z', decidedBy: 'url', secondsRemaining: 540 },
      disclosure: 'request',
    });
  });

  it('expired: the outcome is the error the S3 endpoint sends', async () => {
    const store = new MemoryCredentialStore([{ accessKeyId: AKID, secretAccessKey: SECRET, principal: accountRoot(account) }]);
    const r = await inspectOnServer(request(presigned({ endpoint: ENDPOINT, expiresSeconds: 60 }), 0), deps(store, SIGNED_AT + 120_000));
    assert.deepEqual(r.outcome, {
      accepted: false,
      error: { status: 403, code: 'AccessDenied', message: 'Request has expired', fields: { 'X-Amz-Expires': '60', Expires: '2024-05-01T12:01:00Z', ServerTime: '2024-05-01T12:02:00Z' } },
    });
    assert.equal(r.expiry.secondsRemaining, -60);
  });

  it('an inactive key: "unknown" to anyone (as InvalidAccessKeyId says), "inactive" to an account root', async () => {
    const store = new MemoryCredentialStore([{ accessKeyId: AKID, secretAccessKey: SECRET, principal: accountRoot(account), status: 'Inactive' }]);
    const url = presigned({ endpoint: ENDPOINT });
    const anyone = await inspectOnServer(request(url, 0), deps(store, SIGNED_AT));
    assert.deepEqual(anyone.accessKey, { id: AKID, status: 'unknown', temporary: false });
    assert.equal(!anyone.outcome.accepted && anyone.outcome.error.code, 'InvalidAccessKeyId');
    const root = await inspectOnServer(request(url, 0), deps(store, SIGNED_AT, 'account-root'));
    assert.deepEqual(root.accessKey, { id: AKID, status: 'inactive', temporary: false });
    const unknown = await inspectOnServer(request(url, 0), deps(new MemoryCredentialStore(), SIGNED_AT, 'account-root'));
    assert.deepEqual(unknown.accessKey, { id: AKID, status: 'unknown', temporary: false });
  });

  it('temporary credentials: the URL works until the session expires, if that is first', async () => {
    const session = { accessKeyId: 'ASIAEXAMPLE000000001', secretAccessKey: SECRET, sessionToken: 'token', principal: accountRoot(account), expiresAt: SIGNED_AT + 300_000 };
    const store = new MemoryCredentialStore([session]);
    const url = presigned({ endpoint: ENDPOINT, accessKeyId: session.accessKeyId, sessionToken: 'token', expiresSeconds: 3600 });
    const r = await inspectOnServer(request(url, 0), deps(store, SIGNED_AT + 60_000));
    assert.deepEqual(r.accessKey, { id: session.accessKeyId, status: 'active', temporary: true, expiresAt: '2024-05-01T12:05:00Z' });
    assert.deepEqual(r.expiry, { url: '2024-05-01T13:00:00Z', credential: '2024-05-01T12:05:00Z', effective: '2024-05-01T12:05:00Z', decidedBy: 'credential', secondsRemaining: 240 });

    const later = await inspectOnServer(request(url, 0), deps(store, SIGNED_AT + 600_000));
    assert.equal(!later.outcome.accepted && later.outcome.error.code, 'ExpiredToken');
    assert.deepEqual(later.accessKey, { id: session.accessKeyId, status: 'active', temporary: true, problem: 'token-expired' });
  });
});
