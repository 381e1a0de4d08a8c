import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inspectRequest } from '../inspect/inspect-request.ts';
import { parseInspectInput } from '../inspect/parse-inspect-input.ts';
import { objectUrl } from './object-url.ts';
import { presignV2 } from './presign-v2.ts';

const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

describe('presignV2', () => {
  it('signs the spec example, virtual-hosted and path style alike (sigv2-and-post.md §2)', () => {
    for (const pathStyle of [false, true]) {
      const t = objectUrl({ bucket: 'awsexamplebucket1', key: 'photos/puppy.jpg', region: 'us-west-1', pathStyle });
      const r = presignV2({ method: 'GET', origin: t.origin, rawPath: t.rawPath, addressing: t.addressing, bucket: t.bucket, credentials, expiresAt: 1141889120_000 });
      assert.equal(r.stringToSign, 'GET\n\n\n1141889120\n/awsexamplebucket1/photos/puppy.jpg');
      assert.equal(r.signature, 'mi+pm7K7iCx46UlaDc8X8pxyzFc=');
      assert.ok(r.url.endsWith('?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1141889120&Signature=mi%2Bpm7K7iCx46UlaDc8X8pxyzFc%3D'), r.url);
    }
  });

  it('adds x-amz-security-token to the query and to the signed amz headers', () => {
    const t = objectUrl({ bucket: 'b', key: 'k', region: 'us-east-1', endpoint: 'http://127.0.0.1:9000' });
    const r = presignV2({ method: 'PUT', origin: t.origin, rawPath: t.rawPath, addressing: t.addressing, bucket: 'b', credentials: { ...credentials, sessionToken: 'to/ken+' }, expiresAt: 2_000_000_000_000 });
    assert.equal(r.stringToSign, 'PUT\n\n\n2000000000\nx-amz-security-token:to/ken+\n/b/k');
    assert.match(r.url, /&x-amz-security-token=to%2Fken%2B&Signature=/);
  });

  it('makes URLs the server-side SigV2 verifier accepts, and rounds Expires down to seconds', async () => {
    const t = objectUrl({ bucket: 'b', key: 'a b/ü+.txt', region: 'us-east-1', endpoint: 'http://localhost:9000' });
    const { url } = presignV2({ method: 'GET', origin: t.origin, rawPath: t.rawPath, addressing: t.addressing, bucket: 'b', credentials, expiresAt: 1_700_000_000_999 });
    assert.match(url, /Expires=1700000000&/);
    const i = await inspectRequest(parseInspectInput([url]), { now: 1_699_999_000_000, secretFor: () => ({ secret: credentials.secretAccessKey, source: 'test' }) });
    assert.equal(i.scheme, 'sigv2-query');
    assert.equal(i.verdict.outcome, 'accepted');
    assert.equal(i.signatureCheck?.matches, true);
  });
});
