/**
 * aws-chunked bodies with trailers: the signed-trailer worked example (sigv4.md §5.5), the
 * unsigned trailer SDKs send by default (§5.6), and their tampering cases.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Readable } from 'node:stream';
import { createBodyDigest } from '../../lib/checksums/body-digest.ts';
import { S3Error } from '../../s3/errors/s3-error.ts';
import { declaredChecksum, verifyDeclaredChecksum } from './declared-checksum.ts';
import { openPayload } from './open-payload.ts';
import {
  ACCESS_KEY,
  ANONYMOUS_AUTH,
  bytewise,
  drain,
  encodeUnsigned,
  hexBytesOf,
  makeRequest,
  randomCuts,
  seedOf,
  seedSignature,
  sha256Hex,
  signedAuth,
  sourceOf,
} from './payload.fixtures.ts';

const A64K = Buffer.alloc(65536, 'a');
const A1K = Buffer.alloc(1024, 'a');
const DATA = Buffer.alloc(66560, 'a');
const MALFORMED_TRAILER =
  'The request contained trailing data that was not well-formed or did not conform to our published schema.';

// sigv4.md §5.5 ------------------------------------------------------------------------------
const SEED_CR = [
  'PUT',
  '/examplebucket/chunkObject.txt',
  '',
  'content-encoding:aws-chunked',
  'host:s3.amazonaws.com',
  'x-amz-content-sha256:STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
  'x-amz-date:20130524T000000Z',
  'x-amz-decoded-content-length:66560',
  'x-amz-storage-class:REDUCED_REDUNDANCY',
  'x-amz-trailer:x-amz-checksum-crc32c',
  '',
  'content-encoding;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class;x-amz-trailer',
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
].join('\n');
const SEED_SIG = '106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e';
const SIG1 = 'b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2';
const SIG2 = '1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7';
const SIG_FINAL = '2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992';
const TRAILER_SIG = 'd81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435';
const SEED = seedOf(SEED_CR, SEED_SIG);

function trailerBody(trailerLines = `x-amz-checksum-crc32c:sOO8/Q==\r\nx-amz-trailer-signature:${TRAILER_SIG}\r\n\r\n`): Buffer {
  return Buffer.concat([
    Buffer.from(`10000;chunk-signature=${SIG1}\r\n`),
    A64K,
    Buffer.from(`\r\n400;chunk-signature=${SIG2}\r\n`),
    A1K,
    Buffer.from(`\r\n0;chunk-signature=${SIG_FINAL}\r\n${trailerLines}`),
  ]);
}

const TRAILER_HEADERS = {
  'content-encoding': 'aws-chunked',
  'content-length': '66946',
  'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
  'x-amz-date': '20130524T000000Z',
  'x-amz-decoded-content-length': '66560',
  'x-amz-storage-class': 'REDUCED_REDUNDANCY',
  'x-amz-trailer': 'x-amz-checksum-crc32c',
};

function openTrailer(source: Readable, headers: Record<string, string> = TRAILER_HEADERS) {
  return openPayload(makeRequest(headers, source), signedAuth(SEED));
}

function withLength(body: Buffer, headers: Record<string, string>): Record<string, string> {
  return { ...headers, 'content-length': String(body.length) };
}

function assertCode(error: unknown, code: string, message?: string): asserts error is S3Error {
  assert.ok(error instanceof S3Error, `expected S3Error ${code}, got ${String(error)}`);
  assert.equal(error.code, code, error.reason);
  if (message !== undefined) assert.equal(error.message, message);
}

describe('STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER (sigv4.md §5.5)', () => {
  it('the documented seed and trailer values hold', () => {
    assert.equal(sha256Hex(SEED_CR), '44d48b8c2f70eae815a0198cc73d7a546a73a93359c070abbaa5e6c7de112559');
    assert.equal(seedSignature(SEED_CR), SEED_SIG);
    assert.equal(sha256Hex('x-amz-checksum-crc32c:sOO8/Q==\n'), '1e376db7e1a34a8ef1c4bcee131a2d60a1cb62503747488624e10995f448d774');
    assert.equal(trailerBody().length, 66946);
  });

  it('decodes the example, exposes the trailer, and the CRC32C verifies', async () => {
    const payload = openTrailer(sourceOf(trailerBody(), randomCuts(5, 4000)));
    assert.throws(() => payload.trailers(), /once the body has ended/);
    const digest = createBodyDigest({ checksums: ['CRC32C'] });
    const declared = declaredChecksum(makeRequest(TRAILER_HEADERS, sourceOf(Buffer.alloc(0))).headers);
    assert.deepEqual(declared, { algorithm: 'CRC32C', location: 'trailer' });
    const { data, error } = await drain(payload.body.pipe(digest));
    assert.equal(error, undefined);
    assert.ok(data.equals(DATA));
    assert.deepEqual([...payload.trailers()], [['x-amz-checksum-crc32c', 'sOO8/Q==']]);
    assert.deepEqual(verifyDeclaredChecksum(declared, { trailers: payload.trailers(), computed: digest.result().checksums }), {
      algorithm: 'CRC32C',
      value: 'sOO8/Q==',
    });
  });

  it('decodes the example fed one byte at a time', async () => {
    const payload = openTrailer(bytewise(trailerBody()));
    const { data, error } = await drain(payload.body);
    assert.equal(error, undefined);
    assert.equal(data.length, 66560);
    assert.equal(payload.trailers().get('x-amz-checksum-crc32c'), 'sOO8/Q==');
  });

  it('a changed trailer value fails the trailer signature, with the trailer string to sign', async () => {
    const body = trailerBody(`x-amz-checksum-crc32c:sOO8/A==\r\nx-amz-trailer-signature:${TRAILER_SIG}\r\n\r\n`);
    const { error, ended } = await drain(openTrailer(sourceOf(body)).body);
    assert.equal(ended, false);
    assertCode(error, 'SignatureDoesNotMatch');
    const stringToSign = [
      'AWS4-HMAC-SHA256-TRAILER',
      '20130524T000000Z',
      '20130524/us-east-1/s3/aws4_request',
      SIG_FINAL,
      sha256Hex('x-amz-checksum-crc32c:sOO8/A==\n'),
    ].join('\n');
    assert.deepEqual(error.fields, [
      ['AWSAccessKeyId', ACCESS_KEY],
      ['StringToSign', stringToSign],
      ['SignatureProvided', TRAILER_SIG],
      ['StringToSignBytes', hexBytesOf(stringToSign)],
      ['CanonicalRequest', SEED_CR],
      ['CanonicalRequestBytes', hexBytesOf(SEED_CR)],
    ]);
  });

  it('a flipped byte in the trailer signature fails', async () => {
    const bad = TRAILER_SIG.slice(0, 63) + '0';
    const body = trailerBody(`x-amz-checksum-crc32c:sOO8/Q==\r\nx-amz-trailer-signature:${bad}\r\n\r\n`);
    const { error } = await drain(openTrailer(sourceOf(body)).body);
    assertCode(error, 'SignatureDoesNotMatch');
    assert.deepEqual(error.fields[2], ['SignatureProvided', bad]);
  });

  it('a flipped data byte fails at its chunk signature', async () => {
    const body = trailerBody();
    body[100] ^= 1;
    const { error } = await drain(openTrailer(sourceOf(body)).body);
    assertCode(error, 'SignatureDoesNotMatch');
    assert.ok(error.fields[1]![1].startsWith('AWS4-HMAC-SHA256-PAYLOAD\n'));
  });

  it('a missing trailer signature is MalformedTrailerError', async () => {
    const body = trailerBody('x-amz-checksum-crc32c:sOO8/Q==\r\n\r\n');
    const { error } = await drain(openTrailer(sourceOf(body), withLength(body, TRAILER_HEADERS)).body);
    assertCode(error, 'MalformedTrailerError', MALFORMED_TRAILER);
  });

  it('an announced trailer that never comes is MalformedTrailerError', async () => {
    const body = trailerBody(`x-amz-trailer-signature:${TRAILER_SIG}\r\n\r\n`);
    const { error } = await drain(openTrailer(sourceOf(body), withLength(body, TRAILER_HEADERS)).body);
    assertCode(error, 'MalformedTrailerError', MALFORMED_TRAILER);
  });

  it('a trailer line without a colon, or one not announced, is MalformedTrailerError', async () => {
    for (const lines of ['garbage\r\n\r\n', `x-amz-checksum-crc32:AAAAAA==\r\nx-amz-trailer-signature:${TRAILER_SIG}\r\n\r\n`]) {
      const body = trailerBody(lines);
      const { error } = await drain(openTrailer(sourceOf(body), withLength(body, TRAILER_HEADERS)).body);
      assertCode(error, 'MalformedTrailerError', MALFORMED_TRAILER);
    }
  });

  it('a body cut inside the trailer is IncompleteBody', async () => {
    const { error } = await drain(openTrailer(sourceOf(trailerBody().subarray(0, 66900))).body);
    assertCode(error, 'IncompleteBody');
  });

  it('an unsupported x-amz-trailer is refused before the body is read', () => {
    assert.throws(
      () => openTrailer(sourceOf(trailerBody()), { ...TRAILER_HEADERS, 'x-amz-trailer': 'x-amz-meta-foo' }),
      (e: unknown) => e instanceof S3Error && e.code === 'InvalidRequest' && e.message === 'The value specified in the x-amz-trailer header is not supported',
    );
  });
});

// sigv4.md §5.6 ------------------------------------------------------------------------------
const UNSIGNED_HEADERS = {
  'content-encoding': 'aws-chunked',
  'transfer-encoding': 'chunked',
  'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
  'x-amz-decoded-content-length': '66560',
  'x-amz-trailer': 'x-amz-checksum-crc32c',
  'x-amz-sdk-checksum-algorithm': 'CRC32C',
};
const UNSIGNED_EXAMPLE = Buffer.concat([
  Buffer.from('10000\r\n'),
  A64K,
  Buffer.from('\r\n400\r\n'),
  A1K,
  Buffer.from('\r\n0\r\nx-amz-checksum-crc32c:sOO8/Q==\r\n\r\n'),
]);

describe('STREAMING-UNSIGNED-PAYLOAD-TRAILER (sigv4.md §5.6)', () => {
  it('decodes the documented 66613-byte example, split anywhere', async () => {
    assert.equal(UNSIGNED_EXAMPLE.length, 66613);
    for (const source of [() => sourceOf(UNSIGNED_EXAMPLE), () => bytewise(UNSIGNED_EXAMPLE), () => sourceOf(UNSIGNED_EXAMPLE, randomCuts(9, 100))]) {
      const payload = openPayload(makeRequest(UNSIGNED_HEADERS, source()), signedAuth(SEED));
      assert.equal(payload.length, 66560);
      const { data, error } = await drain(payload.body);
      assert.equal(error, undefined);
      assert.ok(data.equals(DATA));
      assert.equal(payload.trailers().get('x-amz-checksum-crc32c'), 'sOO8/Q==');
    }
  });

  it('anonymous requests may use it', async () => {
    const payload = openPayload(makeRequest(UNSIGNED_HEADERS, sourceOf(UNSIGNED_EXAMPLE)), ANONYMOUS_AUTH);
    const { error } = await drain(payload.body);
    assert.equal(error, undefined);
  });

  it('accepts chunk extensions and small chunks (no chunk-size rule without signatures)', async () => {
    const chunks = [Buffer.from('hello '), Buffer.from('world')];
    const body = encodeUnsigned(chunks, [['x-amz-checksum-crc32', 'DUoRhQ==']], ';foo=bar;chunk-signature=ignored');
    const headers = { ...UNSIGNED_HEADERS, 'x-amz-decoded-content-length': '11', 'x-amz-trailer': 'x-amz-checksum-crc32' };
    const payload = openPayload(makeRequest(headers, bytewise(body)), signedAuth(SEED));
    const { data, error } = await drain(payload.body);
    assert.equal(error, undefined);
    assert.equal(data.toString(), 'hello world');
  });

  it('accepts a body whose closing empty line is missing, and bare LF line ends in trailers', async () => {
    const body = Buffer.from('5\r\nhello\r\n0\nx-amz-checksum-crc32c:mnG7TA==\n');
    const headers = { ...UNSIGNED_HEADERS, 'x-amz-decoded-content-length': '5' };
    const payload = openPayload(makeRequest(headers, sourceOf(body)), signedAuth(SEED));
    const { data, error } = await drain(payload.body);
    assert.equal(error, undefined);
    assert.equal(data.toString(), 'hello');
  });

  it('a flipped data byte passes framing but fails the checksum with BadDigest', async () => {
    const body = Buffer.from(UNSIGNED_EXAMPLE);
    body[50] = 'b'.charCodeAt(0);
    const payload = openPayload(makeRequest(UNSIGNED_HEADERS, sourceOf(body)), signedAuth(SEED));
    const declared = declaredChecksum(makeRequest(UNSIGNED_HEADERS, sourceOf(Buffer.alloc(0))).headers);
    const digest = createBodyDigest({ checksums: [declared!.algorithm] });
    const { error } = await drain(payload.body.pipe(digest));
    assert.equal(error, undefined);
    assert.throws(
      () => verifyDeclaredChecksum(declared, { trailers: payload.trailers(), computed: digest.result().checksums }),
      (e: unknown) =>
        e instanceof S3Error && e.code === 'BadDigest' && e.status === 400 && e.message === 'The CRC32C you specified did not match the calculated checksum.',
    );
  });

  it('a trailer signature in an unsigned trailer is MalformedTrailerError', async () => {
    const body = Buffer.from(`5\r\nhello\r\n0\r\nx-amz-checksum-crc32c:mnG7TA==\r\nx-amz-trailer-signature:${'0'.repeat(64)}\r\n\r\n`);
    const headers = { ...UNSIGNED_HEADERS, 'x-amz-decoded-content-length': '5' };
    const { error } = await drain(openPayload(makeRequest(headers, sourceOf(body)), signedAuth(SEED)).body);
    assertCode(error, 'MalformedTrailerError');
  });

  it('a missing announced trailer is MalformedTrailerError', async () => {
    const body = Buffer.from('5\r\nhello\r\n0\r\n\r\n');
    const headers = { ...UNSIGNED_HEADERS, 'x-amz-decoded-content-length': '5' };
    const { error } = await drain(openPayload(makeRequest(headers, sourceOf(body)), signedAuth(SEED)).body);
    assertCode(error, 'MalformedTrailerError', MALFORMED_TRAILER);
  });

  it('wrong decoded length is IncompleteBody', async () => {
    for (const declaredLength of ['66559', '66561', '0']) {
      const headers = { ...UNSIGNED_HEADERS, 'x-amz-decoded-content-length': declaredLength };
      const { error } = await drain(openPayload(makeRequest(headers, sourceOf(UNSIGNED_EXAMPLE)), signedAuth(SEED)).body);
      assertCode(error, 'IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header');
    }
  });
});
