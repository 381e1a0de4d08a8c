/**
 * openPayload for bodies without aws-chunked framing (sigv4.md §2.5), the choice of mode, and the
 * stream's manners: lazy start, backpressure, failing before 'end', source errors.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PassThrough, Readable } from 'node:stream';
import { S3Error } from '../../s3/errors/s3-error.ts';
import { openPayload } from './open-payload.ts';
import { ANONYMOUS_AUTH, drain, encodeSigned, makeRequest, seedOf, sha256Hex, signedAuth, sourceOf } from './payload.fixtures.ts';

const BODY = Buffer.from('Welcome to Amazon S3.');
const AUTH = signedAuth(seedOf('PUT\n/x\n\n\n\nUNSIGNED-PAYLOAD', 'f'.repeat(64)));

describe('openPayload: plain bodies', () => {
  it('UNSIGNED-PAYLOAD passes the bytes through, same buffers', async () => {
    const payload = openPayload(
      makeRequest({ 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', 'content-length': String(BODY.length) }, sourceOf(BODY, [3, 5])),
      AUTH,
    );
    assert.equal(payload.length, BODY.length);
    assert.equal(payload.contentSha256, 'UNSIGNED-PAYLOAD');
    const { data, pieces, error } = await drain(payload.body);
    assert.equal(error, undefined);
    assert.ok(data.equals(BODY));
    assert.ok(pieces.every((p) => p.buffer === BODY.buffer));
    assert.equal(payload.trailers().size, 0);
  });

  it('no x-amz-content-sha256 (presigned, SigV2, anonymous) is unsigned; length undefined without Content-Length', async () => {
    const payload = openPayload(makeRequest({}, sourceOf(BODY)), ANONYMOUS_AUTH);
    assert.equal(payload.length, undefined);
    assert.equal(payload.contentSha256, undefined);
    assert.ok((await drain(payload.body)).data.equals(BODY));
  });

  it('a matching payload hash passes', async () => {
    const headers = { 'x-amz-content-sha256': sha256Hex(BODY), 'content-length': String(BODY.length) };
    const { data, error } = await drain(openPayload(makeRequest(headers, sourceOf(BODY, [1, 1, 1])), AUTH).body);
    assert.equal(error, undefined);
    assert.ok(data.equals(BODY));
  });

  it('the empty body with EMPTY_SHA256 passes', async () => {
    const headers = { 'x-amz-content-sha256': sha256Hex(''), 'content-length': '0' };
    const { data, error } = await drain(openPayload(makeRequest(headers, sourceOf(Buffer.alloc(0))), AUTH).body);
    assert.equal(error, undefined);
    assert.equal(data.length, 0);
  });

  it('a payload hash mismatch is XAmzContentSHA256Mismatch with both hashes, and the body never ends', async () => {
    const claimed = sha256Hex('something else');
    const headers = { 'x-amz-content-sha256': claimed, 'content-length': String(BODY.length) };
    const { error, ended } = await drain(openPayload(makeRequest(headers, sourceOf(BODY)), AUTH).body);
    assert.equal(ended, false);
    assert.ok(error instanceof S3Error);
    assert.equal(error.code, 'XAmzContentSHA256Mismatch');
    assert.equal(error.status, 400);
    assert.equal(error.message, "The provided 'x-amz-content-sha256' header does not match what was computed.");
    assert.deepEqual(error.fields, [
      ['ClientComputedContentSHA256', claimed],
      ['S3ComputedContentSHA256', sha256Hex(BODY)],
    ]);
  });

  it('an anonymous request may carry a payload hash, which is verified', async () => {
    const headers = { 'x-amz-content-sha256': sha256Hex('x') };
    const { error } = await drain(openPayload(makeRequest(headers, sourceOf(BODY)), ANONYMOUS_AUTH).body);
    assert.ok(error instanceof S3Error && error.code === 'XAmzContentSHA256Mismatch');
  });

  it('fewer bytes than Content-Length is IncompleteBody (checked before the hash)', async () => {
    const headers = { 'x-amz-content-sha256': sha256Hex(BODY), 'content-length': String(BODY.length + 1) };
    const { error, ended } = await drain(openPayload(makeRequest(headers, sourceOf(BODY)), AUTH).body);
    assert.equal(ended, false);
    assert.ok(error instanceof S3Error);
    assert.equal(error.code, 'IncompleteBody');
    assert.equal(error.message, 'You did not provide the number of bytes specified by the Content-Length HTTP header');
  });

  it('an invalid x-amz-content-sha256 is InvalidArgument with the AWS text', () => {
    for (const value of ['abc', 'A'.repeat(64), 'STREAMING-FOO']) {
      assert.throws(
        () => openPayload(makeRequest({ 'x-amz-content-sha256': value }, sourceOf(BODY)), AUTH),
        (e: unknown) =>
          e instanceof S3Error &&
          e.code === 'InvalidArgument' &&
          e.message.startsWith('x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER,') &&
          e.fields[0]![1] === 'x-amz-content-sha256' &&
          e.fields[1]![1] === value,
      );
    }
  });

  it('SigV4a streaming is NotImplemented for signed requests, InvalidRequest for anonymous ones', () => {
    const req = () => makeRequest({ 'x-amz-content-sha256': 'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD' }, sourceOf(BODY));
    assert.throws(() => openPayload(req(), AUTH), (e: unknown) => e instanceof S3Error && e.code === 'NotImplemented');
    assert.throws(() => openPayload(req(), ANONYMOUS_AUTH), (e: unknown) => e instanceof S3Error && e.code === 'InvalidRequest');
  });
});

describe('openPayload: stream behaviour', () => {
  it('does not touch the request body until the payload is read (100 Continue stays unsent)', async () => {
    let reads = 0;
    const source = new Readable({
      read() {
        reads++;
        this.push(Buffer.from('abc'));
        this.push(null);
      },
    });
    const payload = openPayload(makeRequest({ 'content-length': '3' }, source), AUTH);
    await new Promise((r) => setImmediate(r));
    assert.equal(reads, 0);
    assert.equal(source.readableFlowing, null);
    const { data } = await drain(payload.body);
    assert.equal(data.toString(), 'abc');
    assert.equal(reads, 1);
  });

  it('pauses the source while its reader is not reading (backpressure)', async () => {
    const source = new PassThrough({ highWaterMark: 1024 });
    const seed = seedOf('CR', 'a'.repeat(64));
    const chunks = Array.from({ length: 64 }, (_, i) => Buffer.alloc(65536, i));
    const encoded = encodeSigned(chunks, seed);
    const headers = {
      'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
      'x-amz-decoded-content-length': String(64 * 65536),
      'content-length': String(encoded.length),
    };
    const payload = openPayload(makeRequest(headers, source), signedAuth(seed));
    payload.body.once('readable', () => {}); // start it, but read nothing
    let written = 0;
    for (let pos = 0; pos < encoded.length; pos += 16384) {
      const accepted = source.write(encoded.subarray(pos, pos + 16384));
      written += 16384;
      if (!accepted) break;
      await new Promise((r) => setImmediate(r));
    }
    assert.ok(written < encoded.length / 4, `source accepted ${written} of ${encoded.length} bytes without a reader`);
    assert.ok(payload.body.readableLength <= 64 * 1024, `buffered ${payload.body.readableLength}`);
    payload.body.removeAllListeners('readable');
    const done = drain(payload.body);
    for (let pos = written; pos < encoded.length; pos += 16384) {
      if (!source.write(encoded.subarray(pos, pos + 16384))) await new Promise((r) => source.once('drain', r));
    }
    source.end();
    const { data, error } = await done;
    assert.equal(error, undefined);
    assert.ok(data.equals(Buffer.concat(chunks)));
  });

  it('a source error (client went away) becomes IncompleteBody', async () => {
    const source = new Readable({ read() {} });
    const payload = openPayload(makeRequest({ 'content-length': '10' }, source), AUTH);
    const done = drain(payload.body);
    source.push(Buffer.from('abc'));
    setImmediate(() => source.destroy(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })));
    const { error, ended } = await done;
    assert.equal(ended, false);
    assert.ok(error instanceof S3Error && error.code === 'IncompleteBody');
  });

  it('a source closed without error before its end becomes IncompleteBody', async () => {
    const source = new Readable({ read() {} });
    const payload = openPayload(makeRequest({}, source), AUTH);
    const done = drain(payload.body);
    source.push(Buffer.from('abc'));
    setImmediate(() => source.destroy());
    const { error } = await done;
    assert.ok(error instanceof S3Error && error.code === 'IncompleteBody');
  });

  it('destroying the payload stops reading and lets the source drain', async () => {
    const source = new PassThrough();
    const payload = openPayload(makeRequest({}, source), AUTH);
    payload.body.on('data', () => payload.body.destroy());
    payload.body.on('error', () => {});
    source.write(Buffer.from('abc'));
    await new Promise((r) => setImmediate(r));
    assert.equal(payload.body.destroyed, true);
    assert.equal(source.listenerCount('data'), 0);
    assert.equal(source.readableFlowing, true, 'the rest of the body is discarded, not left blocking the connection');
  });
});
