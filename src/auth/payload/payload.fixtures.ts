/**
 * Test fixtures for payload tests: hand-built S3Request / SignedAuthentication values, the
 * signing key of AWS's documented examples (sigv4.md §5.4), an aws-chunked encoder, and
 * stream helpers. Test-only; nothing in the server imports it.
 */
import { createHash, createHmac } from 'node:crypto';
import { Readable } from 'node:stream';
import type { SignedAuthentication } from '../authentication.ts';
import type { SigningCredential } from '../credential-store.ts';
import { QueryParams, RequestHeaders, type S3Request } from '../../s3/s3-request.ts';
import { EMPTY_SHA256, type SigningSeed } from './chunk-signer.ts';

export const ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';
export const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
export const AMZ_DATE = '20130524T000000Z';
export const SCOPE = '20130524/us-east-1/s3/aws4_request';

export function deriveSigningKey(secret: string, date: string, region: string, service: string): Buffer {
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();
  return hmac(hmac(hmac(hmac('AWS4' + secret, date), region), service), 'aws4_request');
}

export const SIGNING_KEY = deriveSigningKey(SECRET, '20130524', 'us-east-1', 's3');

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function hmacHex(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text, 'utf8').digest('hex');
}

/** The seed signature of a canonical request, signed with the example key (sigv4.md §1). */
export function seedSignature(canonicalRequest: string): string {
  return hmacHex(SIGNING_KEY, `AWS4-HMAC-SHA256\n${AMZ_DATE}\n${SCOPE}\n${sha256Hex(canonicalRequest)}`);
}

export function seedOf(canonicalRequest: string, signature: string): SigningSeed {
  return { signature, amzDate: AMZ_DATE, scopeString: SCOPE, signingKey: SIGNING_KEY, canonicalRequest };
}

export function signedAuth(seed: SigningSeed | undefined): SignedAuthentication {
  const account = { accountId: '111122223333', canonicalId: 'a'.repeat(64), displayName: 'example', email: 'e@example.com' };
  const principal = {
    type: 'User' as const,
    account,
    arn: 'arn:aws:iam::111122223333:user/alice',
    userName: 'alice',
    userId: 'AIDAEXAMPLE',
  };
  const credential: SigningCredential = {
    accessKeyId: ACCESS_KEY,
    principal,
    signingKey: () => SIGNING_KEY,
    signV2: () => '',
  };
  return {
    kind: 'signed',
    scheme: seed === undefined ? 'v2-header' : 'v4-header',
    principal,
    credential,
    signatureVersion: seed === undefined ? 'AWS' : 'AWS4-HMAC-SHA256',
    signedAt: Date.UTC(2013, 4, 24),
    ...(seed === undefined ? {} : { seed, scope: { date: '20130524', region: 'us-east-1', service: 's3' } }),
  };
}

export const ANONYMOUS_AUTH = { kind: 'anonymous' as const, principal: { type: 'Anonymous' as const } };

export function makeRequest(headers: Record<string, string>, body: Readable): S3Request {
  return {
    id: 'REQID',
    hostId: 'HOSTID',
    method: 'PUT',
    rawPath: '/examplebucket/chunkObject.txt',
    rawQuery: '',
    query: new QueryParams([]),
    headers: RequestHeaders.fromObject(headers),
    hostname: 's3.amazonaws.com',
    bucket: 'examplebucket',
    key: 'chunkObject.txt',
    addressing: 'path',
    remoteAddress: '127.0.0.1',
    secure: false,
    tlsVersion: undefined,
    body,
    receivedAt: Date.UTC(2013, 4, 24),
  } as S3Request;
}

/** aws-chunked framing with chunk signatures chained from `seed` (and a signed trailer if given). */
export function encodeSigned(chunks: ReadonlyArray<Buffer>, seed: SigningSeed, trailers?: ReadonlyArray<[string, string]>): Buffer {
  const parts: Buffer[] = [];
  let previous = seed.signature;
  for (const data of [...chunks, Buffer.alloc(0)]) {
    const sts = `AWS4-HMAC-SHA256-PAYLOAD\n${AMZ_DATE}\n${SCOPE}\n${previous}\n${EMPTY_SHA256}\n${sha256Hex(data)}`;
    previous = hmacHex(seed.signingKey, sts);
    parts.push(Buffer.from(`${data.length.toString(16)};chunk-signature=${previous}\r\n`), data);
    if (data.length > 0) parts.push(Buffer.from('\r\n'));
  }
  if (trailers === undefined) {
    parts.push(Buffer.from('\r\n'));
  } else {
    const canonical = trailers.map(([n, v]) => `${n}:${v}\n`).join('');
    const sts = `AWS4-HMAC-SHA256-TRAILER\n${AMZ_DATE}\n${SCOPE}\n${previous}\n${sha256Hex(canonical)}`;
    const lines = trailers.map(([n, v]) => `${n}:${v}\r\n`).join('');
    parts.push(Buffer.from(`${lines}x-amz-trailer-signature:${hmacHex(seed.signingKey, sts)}\r\n\r\n`));
  }
  return Buffer.concat(parts);
}

/** Unsigned aws-chunked framing with a trailer (sigv4.md §5.6); `extension` is appended to each size. */
export function encodeUnsigned(chunks: ReadonlyArray<Buffer>, trailers: ReadonlyArray<[string, string]>, extension = ''): Buffer {
  const parts: Buffer[] = [];
  for (const data of chunks) parts.push(Buffer.from(`${data.length.toString(16)}${extension}\r\n`), data, Buffer.from('\r\n'));
  parts.push(Buffer.from(`0${extension}\r\n`));
  parts.push(Buffer.from(trailers.map(([n, v]) => `${n}:${v}\r\n`).join('') + '\r\n'));
  return Buffer.concat(parts);
}

/** A source yielding `data` cut at the given sizes (the rest in one piece). */
export function sourceOf(data: Buffer, pieceSizes: Iterable<number> = []): Readable {
  const pieces: Buffer[] = [];
  let pos = 0;
  for (const size of pieceSizes) {
    if (pos >= data.length) break;
    pieces.push(data.subarray(pos, pos + size));
    pos += size;
  }
  if (pos < data.length) pieces.push(data.subarray(pos));
  return Readable.from(pieces, { objectMode: false });
}

export function bytewise(data: Buffer): Readable {
  return sourceOf(data, { [Symbol.iterator]: function* () { for (;;) yield 1; } });
}

/** Deterministic random cut sizes (mulberry32), 1..max bytes each. */
export function* randomCuts(seed: number, max: number): Generator<number> {
  let a = seed >>> 0;
  for (;;) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    yield 1 + (((t ^ (t >>> 14)) >>> 0) % max);
  }
}

/**
 * Reads a body to the end with 'data' events, as pipe() and the blob store do (async iteration
 * would use read(), which concatenates buffered pieces): its bytes, the pieces it yielded, the
 * error it failed with, and whether it ended.
 */
export function drain(body: Readable): Promise<{ data: Buffer; pieces: Buffer[]; error: unknown; ended: boolean }> {
  return new Promise((resolve) => {
    const pieces: Buffer[] = [];
    const done = (error: unknown, ended: boolean) => resolve({ data: Buffer.concat(pieces), pieces, error, ended });
    body.on('data', (piece: Buffer) => pieces.push(piece));
    body.once('end', () => done(undefined, true));
    body.once('error', (error) => done(error, false));
  });
}

/** errors.md §6 `…Bytes`, written independently of payload-errors.ts. */
export function hexBytesOf(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((b) => b.toString(16).padStart(2, '0')).join(' ');
}
