/**
 * SigV4 header authentication as a client meets it: the AWS SDK with a wrong secret, an unknown
 * key, a skewed clock, the wrong region; raw requests with a tampered signature, a missing date,
 * a missing or wrong payload hash, unsigned x-amz headers — each answer asserted by status, code,
 * message and fields, and a failed upload leaves nothing behind.
 */
import { CreateBucketCommand, HeadObjectCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { amzDate } from '../../src/lib/dates.ts';
import { assertS3Error } from './assert-s3-error.ts';
import { startTestCoffer, type TestCoffer } from './harness.ts';
import { errorField, errorFields, rawRequest } from './raw-request.ts';

const B = 'auth';

describe('SigV4 header authentication errors', () => {
  let t: TestCoffer;
  let s3: S3Client;
  before(async () => {
    t = await startTestCoffer();
    s3 = t.s3();
    await s3.send(new CreateBucketCommand({ Bucket: B }));
  });
  after(() => t.stop());

  it('wrong secret → 403 SignatureDoesNotMatch with the string to sign and canonical request', async () => {
    const res = await rawRequest(t.endpoint, {
      method: 'GET',
      path: `/${B}`,
      query: { 'list-type': '2', prefix: 'a b' },
      sign: { accessKeyId: t.credentials.accessKeyId, secretAccessKey: 'wrong-secret-wrong-secret-wrong-secret00' },
    });
    assert.equal(res.status, 403);
    const fields = errorFields(res.body).map(([n]) => n);
    assert.deepEqual(fields, [
      'Code',
      'Message',
      'AWSAccessKeyId',
      'StringToSign',
      'SignatureProvided',
      'StringToSignBytes',
      'CanonicalRequest',
      'CanonicalRequestBytes',
      'RequestId',
      'HostId',
    ]);
    assert.equal(errorField(res.body, 'Code'), 'SignatureDoesNotMatch');
    assert.equal(
      errorField(res.body, 'Message'),
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    );
    assert.equal(errorField(res.body, 'AWSAccessKeyId'), t.credentials.accessKeyId);
    const canonical = errorField(res.body, 'CanonicalRequest')!;
    assert.match(canonical, /^GET\n\/auth\nlist-type=2&prefix=a%20b\n/);
    const sts = errorField(res.body, 'StringToSign')!;
    assert.match(sts, /^AWS4-HMAC-SHA256\n\d{8}T\d{6}Z\n\d{8}\/us-east-1\/s3\/aws4_request\n[0-9a-f]{64}$/);
    assert.equal(sts.split('\n')[3], createHash('sha256').update(canonical).digest('hex'));
    assert.equal(errorField(res.body, 'StringToSignBytes'), [...Buffer.from(sts)].map((b) => b.toString(16).padStart(2, '0')).join(' '));
  });

  it('the SDK with a wrong secret sees SignatureDoesNotMatch', async () => {
    const bad = t.s3({ credentials: { accessKeyId: t.credentials.accessKeyId, secretAccessKey: 'x'.repeat(40) } });
    await assertS3Error(bad.send(new ListBucketsCommand({})), {
      code: 'SignatureDoesNotMatch',
      status: 403,
      message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    });
  });

  it('unknown access key → 403 InvalidAccessKeyId', async () => {
    const bad = t.s3({ credentials: { accessKeyId: 'AKIAUNKNOWNUNKNOWN00', secretAccessKey: 'x'.repeat(40) } });
    await assertS3Error(bad.send(new ListBucketsCommand({})), {
      code: 'InvalidAccessKeyId',
      status: 403,
      message: 'The AWS Access Key Id you provided does not exist in our records.',
      fields: { AWSAccessKeyId: 'AKIAUNKNOWNUNKNOWN00' },
    });
  });

  it('a deactivated key fails at once with InvalidAccessKeyId', async () => {
    const key = await t.coffer.identity.createAccessKey({ accountId: t.coffer.account.accountId });
    const client = t.s3({ credentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey } });
    await client.send(new ListBucketsCommand({}));
    await t.coffer.identity.setAccessKeyStatus(key.accessKeyId, 'Inactive');
    await assertS3Error(client.send(new ListBucketsCommand({})), { code: 'InvalidAccessKeyId', status: 403 });
  });

  it('a request time 20 minutes off → 403 RequestTimeTooSkewed with RequestTime, ServerTime and MaxAllowedSkewMilliseconds', async () => {
    const signingDate = new Date(t.clock.now() - 20 * 60_000);
    const res = await rawRequest(t.endpoint, { method: 'GET', path: '/', sign: { ...t.credentials, signingDate } });
    assert.equal(res.status, 403);
    assert.equal(errorField(res.body, 'Code'), 'RequestTimeTooSkewed');
    assert.equal(errorField(res.body, 'Message'), 'The difference between the request time and the current time is too large.');
    assert.equal(errorField(res.body, 'RequestTime'), amzDate(signingDate.getTime()));
    assert.match(errorField(res.body, 'ServerTime') ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(errorField(res.body, 'MaxAllowedSkewMilliseconds'), '900000');
  });

  it('a server clock 20 minutes ahead: the SDK gets RequestTimeTooSkewed, then corrects itself from the Date header', async () => {
    t.clock.advance(20 * 60_000);
    try {
      const once = t.s3({ systemClockOffset: 0, maxAttempts: 1 });
      await assertS3Error(once.send(new ListBucketsCommand({})), { code: 'RequestTimeTooSkewed', status: 403 });
      // With retries (the SDK default) it adopts the server's Date and the retry succeeds — as
      // against AWS. boto3 and the aws CLI do not correct themselves.
      const retrying = t.s3({ systemClockOffset: 0, maxAttempts: 3 });
      const ok = await retrying.send(new ListBucketsCommand({}));
      assert.equal(ok.$metadata.httpStatusCode, 200);
      assert.equal(ok.$metadata.attempts, 2);
    } finally {
      t.clock.advance(-20 * 60_000);
    }
  });

  it('wrong region in the credential scope → 400 AuthorizationHeaderMalformed with Region', async () => {
    const res = await rawRequest(t.endpoint, { method: 'GET', path: `/${B}`, sign: { ...t.credentials, region: 'eu-central-1' } });
    assert.equal(res.status, 400);
    assert.equal(errorField(res.body, 'Code'), 'AuthorizationHeaderMalformed');
    assert.equal(errorField(res.body, 'Message'), "The authorization header is malformed; the region 'eu-central-1' is wrong; expecting 'us-east-1'");
    assert.equal(errorField(res.body, 'Region'), 'us-east-1');
  });

  it('no date header at all → 403 AccessDenied asking for a valid date', async () => {
    const res = await rawRequest(t.endpoint, {
      method: 'GET',
      path: '/',
      headers: {
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIACOFFERTESTROOT01/20260101/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256, Signature=' + '0'.repeat(64),
        'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
      },
    });
    assert.equal(res.status, 403);
    assert.equal(errorField(res.body, 'Code'), 'AccessDenied');
    assert.equal(errorField(res.body, 'Message'), 'AWS authentication requires a valid Date or x-amz-date header');
  });

  it('a payload that does not match x-amz-content-sha256 → 400 XAmzContentSHA256Mismatch, nothing stored', async () => {
    const claimed = createHash('sha256').update('what I said').digest('hex');
    const res = await rawRequest(t.endpoint, {
      method: 'PUT',
      path: `/${B}/mismatch`,
      headers: { 'x-amz-content-sha256': claimed },
      body: 'what I sent',
      sign: t.credentials,
    });
    assert.equal(res.status, 400);
    assert.equal(errorField(res.body, 'Code'), 'XAmzContentSHA256Mismatch');
    assert.equal(errorField(res.body, 'ClientComputedContentSHA256'), claimed);
    assert.equal(errorField(res.body, 'S3ComputedContentSHA256'), createHash('sha256').update('what I sent').digest('hex'));
    await assertS3Error(s3.send(new HeadObjectCommand({ Bucket: B, Key: 'mismatch' })), { code: 'NotFound', status: 404 });
  });

  it('a SigV4 request without x-amz-content-sha256 → 400 InvalidRequest', async () => {
    const res = await signedRequest(t, { signedHeaders: {} });
    assert.equal(res.status, 400);
    assert.equal(errorField(res.body, 'Code'), 'InvalidRequest');
    assert.equal(errorField(res.body, 'Message'), 'Missing required header for this request: x-amz-content-sha256');
  });

  it('an invalid x-amz-content-sha256 → 400 InvalidArgument', async () => {
    const res = await signedRequest(t, { signedHeaders: { 'x-amz-content-sha256': 'not-a-hash' } });
    assert.equal(res.status, 400);
    assert.equal(errorField(res.body, 'Code'), 'InvalidArgument');
    assert.match(errorField(res.body, 'Message') ?? '', /^x-amz-content-sha256 must be UNSIGNED-PAYLOAD, /);
    assert.equal(errorField(res.body, 'ArgumentName'), 'x-amz-content-sha256');
  });

  it('an x-amz-* header that was not signed → 403 AccessDenied with HeadersNotSigned', async () => {
    const res = await signedRequest(t, { signedHeaders: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' }, unsignedHeaders: { 'x-amz-meta-sneaky': 'yes' } });
    assert.equal(res.status, 403);
    assert.equal(errorField(res.body, 'Code'), 'AccessDenied');
    assert.equal(errorField(res.body, 'Message'), 'There were headers present in the request which were not signed');
    assert.equal(errorField(res.body, 'HeadersNotSigned'), 'x-amz-meta-sneaky');
  });

  it('two Authorization headers → 501 NotImplemented', async () => {
    const res = await signedRequest(t, { signedHeaders: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' }, duplicateAuthorization: true });
    assert.equal(res.status, 501);
    assert.equal(errorField(res.body, 'Code'), 'NotImplemented');
    assert.equal(errorField(res.body, 'Header'), 'Authorization');
  });

  it('Expect: 100-continue: a refused request is answered before the body is sent', async () => {
    const url = new URL(t.endpoint);
    const outcome = await new Promise<string>((resolve, reject) => {
      const req = request({
        host: url.hostname,
        port: url.port,
        method: 'PUT',
        path: `/${B}/never`,
        headers: { expect: '100-continue', 'content-length': '5', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
      });
      req.on('continue', () => resolve('continue'));
      req.on('response', (res) => {
        res.resume();
        resolve(`response ${res.statusCode} ${res.headers.connection}`);
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    assert.equal(outcome, 'response 403 close');
  });
});

/**
 * GET / signed by AWS's signer with exactly `signedHeaders` (plus host and x-amz-date), then
 * `unsignedHeaders` added on the wire — what a proxy or a sloppy client does.
 */
async function signedRequest(
  t: TestCoffer,
  options: { signedHeaders: Record<string, string>; unsignedHeaders?: Record<string, string>; duplicateAuthorization?: boolean },
) {
  const { SignatureV4 } = await import('@smithy/signature-v4');
  const { Sha256 } = await import('@aws-crypto/sha256-js');
  const url = new URL(t.endpoint);
  const signer = new SignatureV4({ service: 's3', region: 'us-east-1', credentials: t.credentials, sha256: Sha256, uriEscapePath: false, applyChecksum: false });
  const signed = await signer.sign({
    method: 'GET',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    query: {},
    headers: { host: url.host, ...options.signedHeaders },
  });
  const headers: Array<[string, string]> = Object.entries({ ...signed.headers, ...options.unsignedHeaders }) as Array<[string, string]>;
  if (options.duplicateAuthorization) headers.push(['authorization', signed.headers.authorization!]);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method: 'GET', path: '/', headers: headers.flat() }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
