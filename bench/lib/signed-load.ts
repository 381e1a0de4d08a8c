/**
 * A load generator for header-signed requests: each request gets its own SigV4 signature (so
 * the server's verification cost is part of what is measured), sent over an undici connection
 * pool by `connections` concurrent workers for `seconds`.
 */
import { createHash, createHmac } from 'node:crypto';
import { Pool } from 'undici';
import type { LoadResult } from './wrk.ts';

export interface SignedLoadOptions {
  endpoint: string;
  method: 'GET' | 'PUT';
  path: string;
  body?: Buffer;
  connections: number;
  seconds: number;
  credentials: { accessKeyId: string; secretAccessKey: string };
  region?: string;
  /** Send no signature (the reference servers ignore it anyway; keeps generator cost equal). */
  sign?: boolean;
}

export async function runSignedLoad(o: SignedLoadOptions): Promise<LoadResult> {
  const url = new URL(o.endpoint);
  const pool = new Pool(o.endpoint, { connections: o.connections, pipelining: 1 });
  const region = o.region ?? 'us-east-1';
  const payloadHash = createHash('sha256').update(o.body ?? Buffer.alloc(0)).digest('hex');
  const keys = new Map<string, Buffer>();
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + o.seconds * 1000;

  const worker = async () => {
    while (performance.now() < deadline) {
      const headers = o.sign === false ? { host: url.host } : sign(o, url.host, payloadHash, region, keys);
      const started = performance.now();
      try {
        const res = await pool.request({ method: o.method, path: o.path, headers, body: o.body });
        await res.body.dump();
        if (res.statusCode >= 300) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - started);
    }
  };
  const begun = performance.now();
  await Promise.all(Array.from({ length: o.connections }, worker));
  const elapsed = (performance.now() - begun) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  return {
    opsPerSec: latencies.length / elapsed,
    p50Ms: latencies[Math.floor(latencies.length * 0.5)] ?? NaN,
    p99Ms: latencies[Math.floor(latencies.length * 0.99)] ?? NaN,
    errors,
  };
}

function sign(o: SignedLoadOptions, host: string, payloadHash: string, region: string, keys: Map<string, Buffer>): Record<string, string> {
  const iso = new Date().toISOString();
  const amzDate = iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 13) + iso.slice(14, 16) + iso.slice(17, 19) + 'Z';
  const date = amzDate.slice(0, 8);
  const signedHeaders = 'host;x-amz-content-sha256;x-amz-date';
  const canonical = `${o.method}\n${o.path}\n\nhost:${host}\nx-amz-content-sha256:${payloadHash}\nx-amz-date:${amzDate}\n\n${signedHeaders}\n${payloadHash}`;
  const scope = `${date}/${region}/s3/aws4_request`;
  const stringToSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${createHash('sha256').update(canonical).digest('hex')}`;
  let key = keys.get(date);
  if (!key) {
    const h = (k: string | Buffer, m: string) => createHmac('sha256', k).update(m).digest();
    key = h(h(h(h('AWS4' + o.credentials.secretAccessKey, date), region), 's3'), 'aws4_request');
    keys.set(date, key);
  }
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  return {
    host,
    'x-amz-content-sha256': payloadHash,
    'x-amz-date': amzDate,
    authorization: `AWS4-HMAC-SHA256 Credential=${o.credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}
