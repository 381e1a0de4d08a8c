/**
 * Signed aws-chunked uploads, sent byte for byte as AWS publishes them (../shared/spec/sigv4.md
 * §5.4 and §5.5): the server clock is set to the examples' date and AWS's example key exists, so
 * AWS's own seed, chunk and trailer signatures must verify — and one changed byte must not.
 */
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startTestCoffer, type TestCoffer } from './harness.ts';
import { errorField } from './raw-request.ts';

const EXAMPLE = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const A64K = 'a'.repeat(65536);
const A1K = 'a'.repeat(1024);

function signedBody(sigs: [string, string, string]): string {
  return (
    `10000;chunk-signature=${sigs[0]}\r\n${A64K}\r\n` +
    `400;chunk-signature=${sigs[1]}\r\n${A1K}\r\n` +
    `0;chunk-signature=${sigs[2]}\r\n\r\n`
  );
}

const PAYLOAD = {
  headers: {
    host: 's3.amazonaws.com',
    'x-amz-date': '20130524T000000Z',
    'x-amz-storage-class': 'REDUCED_REDUNDANCY',
    authorization:
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class,Signature=4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9',
    'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
    'content-encoding': 'aws-chunked',
    'x-amz-decoded-content-length': '66560',
    'content-length': '66824',
  },
  chunkSignatures: [
    'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648',
    '0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497',
    'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9',
  ] as [string, string, string],
};

const TRAILER = {
  headers: {
    host: 's3.amazonaws.com',
    'x-amz-date': '20130524T000000Z',
    'x-amz-storage-class': 'REDUCED_REDUNDANCY',
    authorization:
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=content-encoding;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class;x-amz-trailer,Signature=106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e',
    'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
    'content-encoding': 'aws-chunked',
    'x-amz-decoded-content-length': '66560',
    'x-amz-trailer': 'x-amz-checksum-crc32c',
    'content-length': '66946',
  },
  body(trailerValue = 'sOO8/Q=='): string {
    return (
      `10000;chunk-signature=b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2\r\n${A64K}\r\n` +
      `400;chunk-signature=1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7\r\n${A1K}\r\n` +
      `0;chunk-signature=2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992\r\n` +
      `x-amz-checksum-crc32c:${trailerValue}\r\n` +
      `x-amz-trailer-signature:d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435\r\n\r\n`
    );
  },
};

describe('signed aws-chunked uploads (AWS’s published examples, over the wire)', () => {
  let t: TestCoffer;
  before(async () => {
    t = await startTestCoffer();
    t.clock.set(Date.UTC(2013, 4, 24, 0, 0, 30));
    await t.coffer.identity.createAccessKey({ accountId: t.coffer.account.accountId, ...EXAMPLE });
    await t.s3().send(new CreateBucketCommand({ Bucket: 'examplebucket' }));
  });
  after(() => t.stop());

  const send = (headers: Record<string, string>, body: string, key = 'chunkObject.txt') =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const url = new URL(t.endpoint);
      const req = request({ host: url.hostname, port: url.port, method: 'PUT', path: `/examplebucket/${key}`, headers }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      req.end(body);
    });

  it('STREAMING-AWS4-HMAC-SHA256-PAYLOAD: every chunk signature verifies and the object is stored', async () => {
    const res = await send(PAYLOAD.headers, signedBody(PAYLOAD.chunkSignatures));
    assert.equal(res.status, 200, res.body);
    const s3 = t.s3();
    const got = await s3.send(new GetObjectCommand({ Bucket: 'examplebucket', Key: 'chunkObject.txt' }));
    assert.equal(await got.Body!.transformToString(), A64K + A1K);
    assert.equal(got.StorageClass, 'REDUCED_REDUNDANCY');
    assert.equal(got.ContentEncoding, undefined, 'aws-chunked is not stored as the object’s encoding');
  });

  it('a tampered chunk fails with SignatureDoesNotMatch naming the chunk string to sign, and stores nothing', async () => {
    const body = signedBody(PAYLOAD.chunkSignatures).replace(`${A1K}\r\n0;`, `${'b' + A1K.slice(1)}\r\n0;`);
    const res = await send({ ...PAYLOAD.headers }, body, 'chunkObject.txt');
    // Same key as the good upload: it must still hold the good bytes afterwards.
    assert.equal(res.status, 403);
    assert.equal(errorField(res.body, 'Code'), 'SignatureDoesNotMatch');
    assert.match(errorField(res.body, 'StringToSign') ?? '', /^AWS4-HMAC-SHA256-PAYLOAD\n20130524T000000Z\n20130524\/us-east-1\/s3\/aws4_request\nad80c730/);
    assert.match(errorField(res.body, 'CanonicalRequest') ?? '', /^PUT\n\/examplebucket\/chunkObject.txt\n/);
    const got = await t.s3().send(new GetObjectCommand({ Bucket: 'examplebucket', Key: 'chunkObject.txt' }));
    assert.equal(await got.Body!.transformToString(), A64K + A1K);
  });

  it('STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER: chunks, the CRC32C trailer and its signature verify', async () => {
    // The example signs the same path as §5.4, so it rewrites that object.
    const res = await send(TRAILER.headers, TRAILER.body());
    assert.equal(res.status, 200, res.body);
    const head = await t.s3().send(new HeadObjectCommand({ Bucket: 'examplebucket', Key: 'chunkObject.txt', ChecksumMode: 'ENABLED' }));
    assert.equal(head.ChecksumCRC32C, 'sOO8/Q==', 'the trailer checksum is stored and returned');
    assert.equal(head.ContentLength, 66560);
  });

  it('a wrong trailer checksum (re-signed or not) is refused and nothing is stored', async () => {
    const before = await t.s3().send(new HeadObjectCommand({ Bucket: 'examplebucket', Key: 'chunkObject.txt' }));
    const res = await send(TRAILER.headers, TRAILER.body('AAAAAA=='));
    assert.equal(res.status, 403, 'the trailer signature covers the checksum, so changing it breaks the signature');
    assert.equal(errorField(res.body, 'Code'), 'SignatureDoesNotMatch');
    assert.match(errorField(res.body, 'StringToSign') ?? '', /^AWS4-HMAC-SHA256-TRAILER\n/);
    const after = await t.s3().send(new HeadObjectCommand({ Bucket: 'examplebucket', Key: 'chunkObject.txt' }));
    assert.equal(after.LastModified?.getTime(), before.LastModified?.getTime(), 'the stored object is untouched');
  });
});
