/**
 * aws-chunked decoding against the verified worked examples of sigv4.md §5.4–§5.6, framing split
 * at every byte and at random places, and every tampering case with AWS's exact error.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { S3Error } from '../../s3/errors/s3-error.ts';
import { openPayload } from './open-payload.ts';
import {
  ACCESS_KEY,
  ANONYMOUS_AUTH,
  bytewise,
  drain,
  encodeSigned,
  hexBytesOf,
  makeRequest,
  randomCuts,
  seedOf,
  seedSignature,
  sha256Hex,
  signedAuth,
  sourceOf,
} from './payload.fixtures.ts';
import type { Readable } from 'node:stream';

// sigv4.md §5.4 ------------------------------------------------------------------------------
const SEED_CR = [
  'PUT',
  '/examplebucket/chunkObject.txt',
  '',
  'content-encoding:aws-chunked',
  'content-length:66824',
  'host:s3.amazonaws.com',
  'x-amz-content-sha256:STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
  'x-amz-date:20130524T000000Z',
  'x-amz-decoded-content-length:66560',
  'x-amz-storage-class:REDUCED_REDUNDANCY',
  '',
  'content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class',
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
].join('\n');
const SEED_SIG = '4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9';
const SIG1 = 'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648';
const SIG2 = '0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497';
const SIG_FINAL = 'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9';
const A64K = Buffer.alloc(65536, 'a');
const A1K = Buffer.alloc(1024, 'a');
const DATA = Buffer.alloc(66560, 'a');

function signedBody(sig1 = SIG1, sig2 = SIG2, sigFinal = SIG_FINAL): Buffer {
  return Buffer.concat([
    Buffer.from(`10000;chunk-signature=${sig1}\r\n`),
    A64K,
    Buffer.from(`\r\n400;chunk-signature=${sig2}\r\n`),
    A1K,
    Buffer.from(`\r\n0;chunk-signature=${sigFinal}\r\n\r\n`),
  ]);
}

const SIGNED_HEADERS = {
  'content-encoding': 'aws-chunked',
  'content-length': '66824',
  'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
  'x-amz-date': '20130524T000000Z',
  'x-amz-decoded-content-length': '66560',
  'x-amz-storage-class': 'REDUCED_REDUNDANCY',
};
const SEED = seedOf(SEED_CR, SEED_SIG);

function openSigned(source: Readable, headers: Record<string, string> = SIGNED_HEADERS) {
  return openPayload(makeRequest(headers, source), signedAuth(SEED));
}

function chunkStringToSign(previous: string, data: Buffer): string {
  return [
    'AWS4-HMAC-SHA256-PAYLOAD',
    '20130524T000000Z',
    '20130524/us-east-1/s3/aws4_request',
    previous,
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    sha256Hex(data),
  ].join('\n');
}

function assertSignatureMismatch(error: unknown, stringToSign: string, provided: string, canonicalRequest: string): void {
  assert.ok(error instanceof S3Error, `expected S3Error, got ${String(error)}`);
  assert.equal(error.code, 'SignatureDoesNotMatch');
  assert.equal(error.status, 403);
  assert.equal(
    error.message,
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
  );
  assert.deepEqual(error.fields, [
    ['AWSAccessKeyId', ACCESS_KEY],
    ['StringToSign', stringToSign],
    ['SignatureProvided', provided],
    ['StringToSignBytes', hexBytesOf(stringToSign)],
    ['CanonicalRequest', canonicalRequest],
    ['CanonicalRequestBytes', hexBytesOf(canonicalRequest)],
  ]);
}

function assertS3Error(error: unknown, code: string, status: number, message: string, fields: Array<[string, string]> = []): void {
  assert.ok(error instanceof S3Error, `expected S3Error ${code}, got ${String(error)}`);
  assert.equal(error.code, code);
  assert.equal(error.status, status);
  assert.equal(error.message, message);
  assert.deepEqual(error.fields, fields);
}

const INCOMPLETE = 'You did not provide the number of bytes specified by the Content-Length HTTP header';
const MALFORMED_TRAILER =
  'The request contained trailing data that was not well-formed or did not conform to our published schema.';

describe('STREAMING-AWS4-HMAC-SHA256-PAYLOAD (sigv4.md §5.4)', () => {
  it('the fixture key and seed canonical request give the documented hash and seed signature', () => {
    assert.equal(sha256Hex(SEED_CR), 'cee3fed04b70f867d036f722359b0b1f2f0e5dc0efadbc082b76c4c60e316455');
    assert.equal(seedSignature(SEED_CR), SEED_SIG);
    assert.equal(signedBody().length, 66824);
  });

  it('decodes the example to 66560 × a, as slices of the incoming buffers', async () => {
    const input = signedBody();
    const payload = openSigned(sourceOf(input));
    assert.equal(payload.length, 66560);
    assert.equal(payload.contentSha256, 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD');
    const { data, pieces, error, ended } = await drain(payload.body);
    assert.equal(error, undefined);
    assert.ok(ended);
    assert.ok(data.equals(DATA));
    assert.ok(pieces.every((piece) => piece.buffer === input.buffer), 'data is passed on without copying');
    assert.equal(payload.trailers().size, 0);
  });

  it('decodes the example fed one byte at a time', async () => {
    const { data, error } = await drain(openSigned(bytewise(signedBody())).body);
    assert.equal(error, undefined);
    assert.ok(data.equals(DATA));
  });

  it('decodes the example cut at random places (several seeds)', async () => {
    for (const seed of [1, 2, 3, 42, 1234]) {
      for (const max of [7, 90, 3000, 70000]) {
        const { data, error } = await drain(openSigned(sourceOf(signedBody(), randomCuts(seed, max))).body);
        assert.equal(error, undefined, `seed ${seed} max ${max}`);
        assert.ok(data.equals(DATA), `seed ${seed} max ${max}`);
      }
    }
  });

  it('accepts the final chunk without the closing CRLF when Content-Length agrees', async () => {
    const body = signedBody().subarray(0, 66822);
    const { data, error } = await drain(openSigned(sourceOf(body), { ...SIGNED_HEADERS, 'content-length': '66822' }).body);
    assert.equal(error, undefined);
    assert.equal(data.length, 66560);
  });

  it('a flipped data byte fails chunk 1 with SignatureDoesNotMatch, before the body ends', async () => {
    const body = signedBody();
    const at = body.indexOf('\r\n') + 2 + 1000;
    body[at] = 'b'.charCodeAt(0);
    const { error, ended } = await drain(openSigned(sourceOf(body, randomCuts(7, 5000))).body);
    assert.equal(ended, false);
    const tampered = Buffer.from(A64K);
    tampered[1000] = 'b'.charCodeAt(0);
    assertSignatureMismatch(error, chunkStringToSign(SEED_SIG, tampered), SIG1, SEED_CR);
  });

  it('a flipped byte in chunk 2\'s signature names that signature and chunk 2\'s string to sign', async () => {
    const bad = SIG2.slice(0, 10) + (SIG2[10] === '0' ? '1' : '0') + SIG2.slice(11);
    const { error, ended } = await drain(openSigned(sourceOf(signedBody(SIG1, bad))).body);
    assert.equal(ended, false);
    assertSignatureMismatch(error, chunkStringToSign(SIG1, A1K), bad, SEED_CR);
  });

  it('a wrong final-chunk signature fails', async () => {
    const bad = 'f'.repeat(64);
    const { error } = await drain(openSigned(sourceOf(signedBody(SIG1, SIG2, bad))).body);
    assertSignatureMismatch(error, chunkStringToSign(SIG2, Buffer.alloc(0)), bad, SEED_CR);
  });

  it('a chunk without chunk-signature fails with an empty SignatureProvided', async () => {
    const body = Buffer.concat([Buffer.from('10000\r\n'), A64K, signedBody().subarray(5 + 17 + 64 + 2 + 65536)]);
    const { error } = await drain(openSigned(sourceOf(body), { ...SIGNED_HEADERS, 'content-length': String(body.length) }).body);
    assertSignatureMismatch(error, chunkStringToSign(SEED_SIG, A64K), '', SEED_CR);
  });

  it('reordered chunks fail (each signature chains from the previous one)', async () => {
    const body = encodeSigned([A1K, A64K], SEED); // valid chain for the other order
    const swapped = encodeSigned([A64K, A1K], { ...SEED, signature: 'x'.repeat(64) });
    assert.notDeepEqual(body, swapped);
    const { error } = await drain(openSigned(sourceOf(swapped), { ...SIGNED_HEADERS, 'content-length': String(swapped.length) }).body);
    assert.ok(error instanceof S3Error && error.code === 'SignatureDoesNotMatch');
  });

  it('a truncated body is IncompleteBody, and never ends', async () => {
    for (const keep of [0, 10, 88, 5000, 66000, 66700, 66800, 66822]) {
      const { error, ended } = await drain(openSigned(sourceOf(signedBody().subarray(0, keep))).body);
      assert.equal(ended, false, `kept ${keep}`);
      assertS3Error(error, 'IncompleteBody', 400, INCOMPLETE);
    }
  });

  it('a truncated body without Content-Length (Transfer-Encoding: chunked) is IncompleteBody', async () => {
    const headers = { ...SIGNED_HEADERS, 'transfer-encoding': 'chunked' } as Record<string, string>;
    delete headers['content-length'];
    const { error } = await drain(openSigned(sourceOf(signedBody().subarray(0, 66000)), headers).body);
    assertS3Error(error, 'IncompleteBody', 400, INCOMPLETE);
  });

  it('x-amz-decoded-content-length larger than the chunks is IncompleteBody at the final chunk', async () => {
    const { error, ended } = await drain(openSigned(sourceOf(signedBody()), { ...SIGNED_HEADERS, 'x-amz-decoded-content-length': '66561' }).body);
    assert.equal(ended, false);
    assertS3Error(error, 'IncompleteBody', 400, INCOMPLETE);
  });

  it('x-amz-decoded-content-length smaller than the chunks is IncompleteBody before excess data passes', async () => {
    const { data, error } = await drain(openSigned(sourceOf(signedBody()), { ...SIGNED_HEADERS, 'x-amz-decoded-content-length': '66559' }).body);
    assertS3Error(error, 'IncompleteBody', 400, INCOMPLETE);
    assert.ok(data.length <= 65536, 'the second chunk is refused at its header');
  });

  it('a missing final zero-length chunk is IncompleteBody', async () => {
    const body = signedBody().subarray(0, 66824 - (1 + 17 + 64 + 2) - 2);
    const { error } = await drain(openSigned(sourceOf(body), { ...SIGNED_HEADERS, 'content-length': String(body.length) }).body);
    assertS3Error(error, 'IncompleteBody', 400, INCOMPLETE);
  });

  it('a non-last chunk under 8192 bytes is InvalidChunkSizeError with Chunk and BadChunkSize', async () => {
    const body = encodeSigned([Buffer.alloc(8191, 'a'), A1K], SEED);
    const { error } = await drain(
      openSigned(sourceOf(body), { ...SIGNED_HEADERS, 'content-length': String(body.length), 'x-amz-decoded-content-length': String(8191 + 1024) }).body,
    );
    assertS3Error(error, 'InvalidChunkSizeError', 400, 'Only the last chunk is allowed to have a size less than 8192 bytes', [
      ['Chunk', '1'],
      ['BadChunkSize', '8191'],
    ]);
  });

  it('8192-byte chunks followed by a short last chunk are fine', async () => {
    const chunks = [Buffer.alloc(8192, 1), Buffer.alloc(8192, 2), Buffer.alloc(5, 3)];
    const body = encodeSigned(chunks, SEED);
    const headers = { ...SIGNED_HEADERS, 'content-length': String(body.length), 'x-amz-decoded-content-length': String(8192 * 2 + 5) };
    const { data, error } = await drain(openSigned(bytewise(body), headers).body);
    assert.equal(error, undefined);
    assert.ok(data.equals(Buffer.concat(chunks)));
  });

  it('bytes after the end of the body are MalformedTrailerError', async () => {
    const body = Buffer.concat([signedBody(), Buffer.from('xx')]);
    const { error } = await drain(openSigned(sourceOf(body), { ...SIGNED_HEADERS, 'content-length': String(body.length) }).body);
    assertS3Error(error, 'MalformedTrailerError', 400, MALFORMED_TRAILER);
  });

  it('garbage instead of a chunk header is IncompleteBody', async () => {
    for (const head of ['zz;chunk-signature=00\r\n', ';chunk-signature=00\r\n', '10000 x\r\n', 'x'.repeat(5000)]) {
      const body = Buffer.from(head);
      const { error } = await drain(openSigned(sourceOf(body), { ...SIGNED_HEADERS, 'content-length': String(body.length) }).body);
      assertS3Error(error, 'IncompleteBody', 400, INCOMPLETE);
    }
  });

  it('anonymous requests may not use signed streaming', () => {
    assert.throws(
      () => openPayload(makeRequest(SIGNED_HEADERS, sourceOf(signedBody())), ANONYMOUS_AUTH),
      (e: unknown) => {
        assertS3Error(
          e,
          'InvalidRequest',
          400,
          "Anonymous requests don't support this x-amz-content-sha256 value. Please use UNSIGNED-PAYLOAD or STREAMING-UNSIGNED-PAYLOAD-TRAILER.",
        );
        return true;
      },
    );
  });

  it('a request without a SigV4 seed (SigV2) cannot use signed streaming', () => {
    assert.throws(
      () => openPayload(makeRequest(SIGNED_HEADERS, sourceOf(signedBody())), signedAuth(undefined)),
      (e: unknown) => e instanceof S3Error && e.code === 'InvalidRequest',
    );
  });

  it('missing x-amz-decoded-content-length is 411 MissingContentLength', () => {
    const headers = { ...SIGNED_HEADERS } as Record<string, string>;
    delete headers['x-amz-decoded-content-length'];
    assert.throws(
      () => openSigned(sourceOf(signedBody()), headers),
      (e: unknown) => e instanceof S3Error && e.code === 'MissingContentLength' && e.status === 411,
    );
  });
});
