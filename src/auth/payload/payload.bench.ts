/**
 * Decoding throughput of each payload mode over 256 MiB, arriving in 64 KiB socket reads.
 * Run: node --import tsx src/auth/payload/payload.bench.ts
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { openPayload } from './open-payload.ts';
import { encodeSigned, encodeUnsigned, makeRequest, seedOf, sha256Hex, signedAuth } from './payload.fixtures.ts';

const TOTAL = 256 * 1024 * 1024;
const CHUNK = 64 * 1024;
const data = randomBytes(TOTAL);
const chunks: Buffer[] = [];
for (let i = 0; i < TOTAL; i += CHUNK) chunks.push(data.subarray(i, i + CHUNK));
const seed = seedOf('CR', 'a'.repeat(64));
const auth = signedAuth(seed);

function socketReads(encoded: Buffer): Readable {
  const reads: Buffer[] = [];
  for (let i = 0; i < encoded.length; i += CHUNK) reads.push(encoded.subarray(i, i + CHUNK));
  return Readable.from(reads, { objectMode: false });
}

function count(body: Readable): Promise<number> {
  return new Promise((resolve, reject) => {
    let size = 0;
    body.on('data', (piece: Buffer) => (size += piece.length));
    body.once('end', () => resolve(size));
    body.once('error', reject);
  });
}

async function measure(name: string, encoded: Buffer, headers: Record<string, string>): Promise<void> {
  let best = 0;
  for (let round = 0; round < 4; round++) {
    const started = process.hrtime.bigint();
    const size = await count(openPayload(makeRequest(headers, socketReads(encoded)), auth).body);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (size !== TOTAL) throw new Error('short');
    best = Math.max(best, TOTAL / seconds / 1e6);
  }
  console.log(`${name.padEnd(36)} ${best.toFixed(0).padStart(6)} MB/s (best of 4)`);
}

const common = { 'x-amz-decoded-content-length': String(TOTAL) };
await measure('UNSIGNED-PAYLOAD', data, { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', 'content-length': String(TOTAL) });
await measure('sha256 payload hash', data, { 'x-amz-content-sha256': sha256Hex(data), 'content-length': String(TOTAL) });
const unsigned = encodeUnsigned(chunks, [['x-amz-checksum-crc32', 'AAAAAA==']]);
await measure('STREAMING-UNSIGNED-PAYLOAD-TRAILER', unsigned, {
  ...common,
  'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
  'x-amz-trailer': 'x-amz-checksum-crc32',
});
const signed = encodeSigned(chunks, seed);
await measure('STREAMING-AWS4-HMAC-SHA256-PAYLOAD', signed, {
  ...common,
  'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
  'content-length': String(signed.length),
});
