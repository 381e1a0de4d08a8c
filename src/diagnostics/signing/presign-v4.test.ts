/**
 * presignV4 against AWS: the spec's worked example byte for byte, AWS's own JavaScript signer
 * (@smithy/signature-v4 presign, configured as the S3 client configures it) and the S3 presigner
 * (@aws-sdk/s3-request-presigner getSignedUrl) for the same inputs and signing date — and the
 * server's verifier accepts what it makes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { uriEncode } from '../../lib/uri-encode.ts';
import { inspectRequest } from '../inspect/inspect-request.ts';
import { parseInspectInput } from '../inspect/parse-inspect-input.ts';
import { objectUrl } from './object-url.ts';
import { presignV4 } from './presign-v4.ts';

const AKID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const DATE = new Date('2024-01-02T03:04:05Z');
const KEYS = ['simple.txt', 'a b.txt', 'a+b', '100%', 'ünïcødé/日本語.txt', 'dir//double', "quote'(star)*!$@:;,=", '~tilde-_.', 'trailing/'];

describe('presignV4', () => {
  it('reproduces the spec example (sigv4.md §4.4)', () => {
    const r = presignV4({
      method: 'GET',
      origin: 'https://examplebucket.s3.amazonaws.com',
      host: 'examplebucket.s3.amazonaws.com',
      rawPath: '/test.txt',
      credentials: { accessKeyId: AKID, secretAccessKey: SECRET },
      region: 'us-east-1',
      now: Date.UTC(2013, 4, 24),
      expiresSeconds: 86400,
    });
    assert.equal(
      r.url,
      'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
    );
  });

  it('signs exactly what @smithy/signature-v4 presign signs, for awkward keys, with and without a session token', async () => {
    for (const sessionToken of [undefined, 'FwoGZXIvYXdzEJr//////////wEaDO+token=']) {
      const credentials = { accessKeyId: AKID, secretAccessKey: SECRET, ...(sessionToken ? { sessionToken } : {}) };
      const signer = new SignatureV4({ credentials, region: 'eu-west-1', service: 's3', sha256: Sha256, uriEscapePath: false });
      for (const key of KEYS) {
        const target = objectUrl({ bucket: 'my-bucket', key, region: 'eu-west-1' });
        const theirs = await signer.presign(
          {
            method: 'PUT',
            protocol: 'https:',
            hostname: target.host,
            path: target.rawPath,
            query: {},
            // The payload is UNSIGNED-PAYLOAD and only host is signed, as coffer presign does.
            headers: { host: target.host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
          },
          { signingDate: DATE, expiresIn: 900, unhoistableHeaders: new Set(['x-amz-content-sha256']), unsignableHeaders: new Set(['x-amz-content-sha256']) },
        );
        const ours = presignV4({ method: 'PUT', origin: target.origin, host: target.host, rawPath: target.rawPath, credentials, region: 'eu-west-1', now: DATE.getTime(), expiresSeconds: 900 });
        assert.equal(new URL(ours.url).searchParams.get('X-Amz-Signature'), theirs.query?.['X-Amz-Signature'], key);
        assert.equal(new URL(ours.url).searchParams.get('X-Amz-Security-Token'), sessionToken ?? null);
      }
    }
  });

  it('agrees with getSignedUrl of @aws-sdk/s3-request-presigner for the same request and signing date', async () => {
    const s3 = new S3Client({ region: 'us-west-2', credentials: { accessKeyId: AKID, secretAccessKey: SECRET, sessionToken: 'tok/en+=' } });
    for (const key of KEYS) {
      for (const command of [new GetObjectCommand({ Bucket: 'my-bucket', Key: key }), new PutObjectCommand({ Bucket: 'my-bucket', Key: key })]) {
        const sdkUrl = await getSignedUrl(s3, command, { expiresIn: 600, signingDate: DATE });
        // The SDK adds query parameters of its own (x-id, X-Amz-Content-Sha256…): sign those too.
        const [base, query] = sdkUrl.split('?') as [string, string];
        const others = query.split('&').filter((p) => !/^X-Amz-(Algorithm|Credential|Date|Expires|SignedHeaders|Signature|Security-Token)=/.test(p)).join('&');
        const url = new URL(base);
        const ours = presignV4({
          method: command instanceof PutObjectCommand ? 'PUT' : 'GET',
          origin: url.origin,
          host: url.host,
          rawPath: base.slice(url.origin.length),
          rawQuery: others,
          credentials: { accessKeyId: AKID, secretAccessKey: SECRET, sessionToken: 'tok/en+=' },
          region: 'us-west-2',
          now: DATE.getTime(),
          expiresSeconds: 600,
        });
        assert.equal(new URL(ours.url).searchParams.get('X-Amz-Signature'), new URL(sdkUrl).searchParams.get('X-Amz-Signature'), key);
        // The SDK encodes the key as coffer does.
        assert.equal(base, `https://my-bucket.s3.us-west-2.amazonaws.com/${uriEncode(key, true)}`);
      }
    }
    s3.destroy();
  });

  it('makes URLs the server-side verifier accepts (through coffer inspect with the secret)', async () => {
    for (const key of KEYS) {
      const target = objectUrl({ bucket: 'b', key, region: 'us-east-1', endpoint: 'http://127.0.0.1:9000' });
      const { url } = presignV4({ method: 'GET', origin: target.origin, host: target.host, rawPath: target.rawPath, credentials: { accessKeyId: AKID, secretAccessKey: SECRET }, region: 'us-east-1', now: DATE.getTime(), expiresSeconds: 60 });
      const inspection = await inspectRequest(parseInspectInput([url]), { now: DATE.getTime() + 1000, secretFor: () => ({ secret: SECRET, source: 'test' }) });
      assert.equal(inspection.verdict.outcome, 'accepted', key);
      assert.equal(inspection.signatureCheck?.matches, true, key);
    }
  });
});
