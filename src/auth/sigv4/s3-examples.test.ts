/**
 * The worked S3 examples of ../shared/spec/sigv4.md (§3.4 a–d, §4.4, and the seed requests of the
 * aws-chunked examples §5.4–5.5), verified through `authenticate` with the published signatures,
 * and built forwards to the published canonical requests and hashes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { EMPTY_SHA256 } from './constants.ts';
import { AKID, AMZ_DATE, HOST, SECRET, T0, fixture, signedOk } from './testing/s3-fixture.ts';
import { s3CanonicalUri } from './s3-canonical-uri.ts';
import { signHeaders } from './testing/sign-request.ts';
import type { HeaderList } from './testing/make-request.ts';

const SCOPE = `${AKID}/20130524/us-east-1/s3/aws4_request`;
const auth = (signedHeaders: string, signature: string) =>
  `AWS4-HMAC-SHA256 Credential=${SCOPE},SignedHeaders=${signedHeaders},Signature=${signature}`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface Example {
  name: string;
  method: string;
  target: string;
  headers: HeaderList;
  signedHeaders: string;
  crHash: string;
  signature: string;
  canonicalRequest?: string;
}

const PUT_BODY_HASH = '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072';
const EXAMPLES: Example[] = [
  {
    name: '(a) GET Object with Range',
    method: 'GET',
    target: '/test.txt',
    headers: [['Host', HOST], ['Range', 'bytes=0-9'], ['x-amz-content-sha256', EMPTY_SHA256], ['x-amz-date', AMZ_DATE]],
    signedHeaders: 'host;range;x-amz-content-sha256;x-amz-date',
    crHash: '7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972',
    signature: 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    canonicalRequest: `GET\n/test.txt\n\nhost:${HOST}\nrange:bytes=0-9\nx-amz-content-sha256:${EMPTY_SHA256}\nx-amz-date:${AMZ_DATE}\n\nhost;range;x-amz-content-sha256;x-amz-date\n${EMPTY_SHA256}`,
  },
  {
    name: '(b) PUT Object, `$` sent raw',
    method: 'PUT',
    target: '/test$file.text',
    headers: [
      ['Host', HOST],
      ['Date', 'Fri, 24 May 2013 00:00:00 GMT'],
      ['x-amz-date', AMZ_DATE],
      ['x-amz-storage-class', 'REDUCED_REDUNDANCY'],
      ['x-amz-content-sha256', PUT_BODY_HASH],
    ],
    signedHeaders: 'date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class',
    crHash: '9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d',
    signature: '98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd',
    canonicalRequest: `PUT\n/test%24file.text\n\ndate:Fri, 24 May 2013 00:00:00 GMT\nhost:${HOST}\nx-amz-content-sha256:${PUT_BODY_HASH}\nx-amz-date:${AMZ_DATE}\nx-amz-storage-class:REDUCED_REDUNDANCY\n\ndate;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class\n${PUT_BODY_HASH}`,
  },
  {
    name: '(c) GET Bucket lifecycle',
    method: 'GET',
    target: '/?lifecycle',
    headers: [['Host', HOST], ['x-amz-content-sha256', EMPTY_SHA256], ['x-amz-date', AMZ_DATE]],
    signedHeaders: 'host;x-amz-content-sha256;x-amz-date',
    crHash: '9766c798316ff2757b517bc739a67f6213b4ab36dd5da2f94eaebf79c77395ca',
    signature: 'fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543',
  },
  {
    name: '(d) List objects',
    method: 'GET',
    target: '/?max-keys=2&prefix=J',
    headers: [['Host', HOST], ['x-amz-content-sha256', EMPTY_SHA256], ['x-amz-date', AMZ_DATE]],
    signedHeaders: 'host;x-amz-content-sha256;x-amz-date',
    crHash: 'df57d21db20da04d7fa30298dd4488ba3a2b47ca3a489c74750e0f1e7df1b9b7',
    signature: '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7',
  },
];
// (b) again with `$` percent-encoded by the client: same canonical URI, same signature.
EXAMPLES.push({ ...EXAMPLES[1]!, name: '(b) PUT Object, `$` sent as %24', target: '/test%24file.text' });

for (const ex of EXAMPLES) {
  test(`sigv4.md §3.4 ${ex.name}: canonical request and signature`, () => {
    const signed = signHeaders(
      { method: ex.method, target: ex.target, headers: ex.headers.filter(([n]) => n !== 'x-amz-date') },
      {
        accessKeyId: AKID,
        secretAccessKey: SECRET,
        region: 'us-east-1',
        service: 's3',
        amzDate: AMZ_DATE,
        canonicalUri: s3CanonicalUri,
        payloadHash: ex.headers.find(([n]) => n === 'x-amz-content-sha256')![1],
        signedHeaders: ex.signedHeaders.split(';'),
      },
    );
    if (ex.canonicalRequest !== undefined) assert.equal(signed.canonicalRequest, ex.canonicalRequest);
    assert.equal(sha256(signed.canonicalRequest), ex.crHash);
    assert.equal(signed.signature, ex.signature);
  });

  test(`sigv4.md §3.4 ${ex.name}: authenticate accepts the published signature`, async () => {
    const f = fixture();
    const headers: HeaderList = [...ex.headers, ['Authorization', auth(ex.signedHeaders, ex.signature)]];
    const result = await signedOk(f.run({ method: ex.method, target: ex.target, headers }));
    assert.equal(result.scheme, 'v4-header');
    assert.equal(result.signatureVersion, 'AWS4-HMAC-SHA256');
    assert.equal(result.signedAt, T0);
    assert.equal(result.credential.accessKeyId, AKID);
    assert.equal(result.principal.arn, 'arn:aws:iam::111122223333:root');
    assert.deepEqual(result.scope, { date: '20130524', region: 'us-east-1', service: 's3' });
    assert.equal(result.seed?.signature, ex.signature);
    assert.equal(result.seed?.amzDate, AMZ_DATE);
    assert.equal(result.seed?.scopeString, '20130524/us-east-1/s3/aws4_request');
    assert.equal(result.seed?.signingKey.toString('hex'), 'dbb893acc010964918f1fd433add87c70e8b0db6be30c1fbeafefa5ec6ba8378');
    assert.equal(sha256(result.seed!.canonicalRequest), ex.crHash);
  });
}

test('sigv4.md §4.4: the published presigned URL is accepted for its whole day and not after', async () => {
  const target =
    '/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';
  const f = fixture();
  const spec = { target, headers: { Host: HOST } };
  const result = await signedOk(f.run(spec));
  assert.equal(result.scheme, 'v4-query');
  assert.equal(
    sha256(result.seed!.canonicalRequest),
    '3bfa292879f6447bbcda7001decf97f4a54dc650c8942174ae0a9121cf58ad04',
  );
  f.clock.set(T0 + 86_399_000);
  await signedOk(f.run(spec));
  f.clock.set(T0 + 86_400_000);
  await assert.rejects(f.run(spec), { code: 'AccessDenied', message: 'Request has expired' });
});

test('sigv4.md §5.4–5.5: the seed requests of aws-chunked uploads verify, with the seed chunk signatures chain from', async () => {
  const common: HeaderList = [
    ['Host', 's3.amazonaws.com'],
    ['x-amz-date', AMZ_DATE],
    ['x-amz-storage-class', 'REDUCED_REDUNDANCY'],
    ['Content-Encoding', 'aws-chunked'],
    ['x-amz-decoded-content-length', '66560'],
  ];
  const f = fixture();
  const plain = await signedOk(
    f.run({
      method: 'PUT',
      target: '/examplebucket/chunkObject.txt',
      headers: [
        ...common,
        ['Content-Length', '66824'],
        ['x-amz-content-sha256', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD'],
        ['Authorization', auth('content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class', '4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9')],
      ],
    }),
  );
  assert.equal(sha256(plain.seed!.canonicalRequest), 'cee3fed04b70f867d036f722359b0b1f2f0e5dc0efadbc082b76c4c60e316455');
  const trailer = await signedOk(
    f.run({
      method: 'PUT',
      target: '/examplebucket/chunkObject.txt',
      headers: [
        ...common,
        ['Content-Length', '66946'],
        ['x-amz-trailer', 'x-amz-checksum-crc32c'],
        ['x-amz-content-sha256', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER'],
        ['Authorization', auth('content-encoding;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class;x-amz-trailer', '106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e')],
      ],
    }),
  );
  assert.equal(sha256(trailer.seed!.canonicalRequest), '44d48b8c2f70eae815a0198cc73d7a546a73a93359c070abbaa5e6c7de112559');
  assert.equal(trailer.seed!.signature, '106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e');
});
