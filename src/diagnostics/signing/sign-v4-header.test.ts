import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { authenticate } from '../../auth/authenticate.ts';
import { MemoryCredentialStore } from '../../auth/memory-credential-store.ts';
import { accountRoot } from '../../auth/principal.ts';
import { buildS3Request, tolerantQuery } from '../inspect/build-request.ts';
import { splitUrl } from '../inspect/split-url.ts';
import { signV4Headers } from './sign-v4-header.ts';

const account = { accountId: '123456789012', canonicalId: 'c'.repeat(64), displayName: 'a', email: 'a@example.com' };

test('signV4Headers: the server authenticates what it signs, body hash and session token included', async () => {
  const now = Date.UTC(2024, 0, 2, 3, 4, 5);
  for (const sessionToken of [undefined, 'session-token']) {
    const credentials = { accessKeyId: sessionToken ? 'ASIAEXAMPLE' : 'AKIAEXAMPLE', secretAccessKey: 'secret', ...(sessionToken ? { sessionToken } : {}) };
    const store = new MemoryCredentialStore([{ ...credentials, principal: accountRoot(account), ...(sessionToken ? { expiresAt: now + 3600_000 } : {}) }]);
    const body = '{"offset":"+20m"}';
    const headers = signV4Headers({ method: 'PUT', host: '127.0.0.1:9000', rawPath: '/.coffer/clock', headers: { 'content-type': 'application/json' }, body, credentials, region: 'us-east-1', now });
    assert.equal(headers['x-amz-content-sha256'], createHash('sha256').update(body).digest('hex'));
    assert.match(headers.authorization!, /^AWS4-HMAC-SHA256 Credential=A.IAEXAMPLE\/20240102\/us-east-1\/s3\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date(;x-amz-security-token)?, Signature=[0-9a-f]{64}$/);
    const url = splitUrl('http://127.0.0.1:9000/.coffer/clock')!;
    const req = buildS3Request({ method: 'PUT', url, headers: Object.entries(headers), query: tolerantQuery(''), addressing: { bucket: '.coffer', key: 'clock', style: 'path' }, now });
    const auth = await authenticate(req, { credentials: store, clock: { now: () => now }, region: 'us-east-1', maxSkewMs: 900_000 });
    assert.equal(auth.kind, 'signed');
  }
});
