/**
 * Workloads 1–3 of the benchmark: 4 KiB objects.
 *  1. GET through a presigned SigV4 URL, wrk, 64 connections — against the node:http reference
 *     (fixed 4 KiB answer) and nginx (the same file from disk).
 *  2. PUT through a presigned PUT URL, wrk + Lua — against the node:http discard server.
 *  3. GET and PUT header-signed, a fresh signature per request (undici pool) — same references.
 * Servers are interleaved (Coffer, reference, Coffer, reference …) for `rounds` rounds, after a
 * warm-up of each (V8 compiles the hot path during the first second of load: left in, it puts
 * a few hundred milliseconds into Coffer's p99 that no steady-state request sees).
 */
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from '../lib/processes.ts';
import { runSignedLoad } from '../lib/signed-load.ts';
import { median, processCpuSeconds } from '../lib/stats.ts';
import { runWrk, type LoadResult } from '../lib/wrk.ts';

const PUT_LUA = join(fileURLToPath(import.meta.url), '..', '..', 'lib', 'put-4k.lua');
const BODY = Buffer.alloc(4096, 'p');

export interface Row {
  workload: string;
  server: string;
  opsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** On a reference's row: Coffer's ops/s divided by this reference's. */
  ratio?: number;
  /** CPU time the server process spent per request (user + system, all its threads). */
  cpuUsPerOp: number;
  raw: LoadResult[];
}

export async function smallObjectWorkloads(options: {
  coffer: Server;
  reference: Server;
  nginx: Server | undefined;
  s3: S3Client;
  credentials: { accessKeyId: string; secretAccessKey: string };
  rounds: number;
  seconds: number;
  connections: number;
}): Promise<Row[]> {
  const { coffer, reference, nginx, s3, rounds, seconds, connections } = options;
  await s3.send(new PutObjectCommand({ Bucket: 'bench', Key: 'obj4k', Body: BODY }));
  const getUrl = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'bench', Key: 'obj4k' }), { expiresIn: 3600 * 6 });
  const putUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'bench', Key: 'put4k' }), { expiresIn: 3600 * 6 });

  const warm = { connections, seconds: 2 };
  await runWrk({ ...warm, url: getUrl });
  await runWrk({ ...warm, url: putUrl, script: PUT_LUA });
  await runWrk({ ...warm, url: `${reference.endpoint}/bench/obj4k` });
  if (nginx) await runWrk({ ...warm, url: `${nginx.endpoint}/obj4k.bin` });

  const results = new Map<string, Array<LoadResult & { cpuUsPerOp: number }>>();
  const servers: Record<string, Server | undefined> = { coffer, 'node:http': reference, nginx };
  const record = async (key: string, load: Promise<LoadResult> | (() => Promise<LoadResult>)) => {
    const server = servers[key.split('|')[1]!]!;
    const cpuBefore = processCpuSeconds(server.pid);
    const started = performance.now();
    const r = await (typeof load === 'function' ? load() : load);
    const cpu = processCpuSeconds(server.pid) - cpuBefore;
    const ops = (r.opsPerSec * (performance.now() - started)) / 1000;
    // nginx's work happens in its worker processes, not the master whose pid we hold.
    const cpuUsPerOp = server === nginx ? NaN : (cpu * 1e6) / ops;
    results.set(key, [...(results.get(key) ?? []), { ...r, cpuUsPerOp }]);
  };
  for (let round = 0; round < rounds; round++) {
    await record('1 GET presigned|coffer', () => runWrk({ url: getUrl, connections, seconds }));
    await record('1 GET presigned|node:http', () => runWrk({ url: `${reference.endpoint}/bench/obj4k`, connections, seconds }));
    if (nginx) await record('1 GET presigned|nginx', () => runWrk({ url: `${nginx.endpoint}/obj4k.bin`, connections, seconds }));
    await record('2 PUT presigned|coffer', () => runWrk({ url: putUrl, connections, seconds, script: PUT_LUA }));
    await record('2 PUT presigned|node:http', () => runWrk({ url: `${reference.endpoint}/bench/put4k`, connections, seconds, script: PUT_LUA }));
    const signed = { connections, seconds, credentials: options.credentials };
    await record('3 GET signed|coffer', () => runSignedLoad({ ...signed, endpoint: coffer.endpoint, method: 'GET', path: '/bench/obj4k' }));
    await record('3 GET signed|node:http', () => runSignedLoad({ ...signed, endpoint: reference.endpoint, method: 'GET', path: '/bench/obj4k' }));
    await record('3 PUT signed|coffer', () => runSignedLoad({ ...signed, endpoint: coffer.endpoint, method: 'PUT', path: '/bench/put4k-signed', body: BODY }));
    await record('3 PUT signed|node:http', () => runSignedLoad({ ...signed, endpoint: reference.endpoint, method: 'PUT', path: '/bench/put4k-signed', body: BODY }));
  }

  const rows: Row[] = [];
  for (const [key, raw] of results) {
    const [workload, server] = key.split('|') as [string, string];
    rows.push({
      workload,
      server,
      opsPerSec: median(raw.map((r) => r.opsPerSec)),
      p50Ms: median(raw.map((r) => r.p50Ms)),
      p99Ms: median(raw.map((r) => r.p99Ms)),
      errors: raw.reduce((a, r) => a + r.errors, 0),
      cpuUsPerOp: median(raw.map((r) => r.cpuUsPerOp)),
      raw,
    });
  }
  for (const row of rows) {
    if (row.server === 'coffer') continue;
    const mine = rows.find((r) => r.workload === row.workload && r.server === 'coffer');
    if (mine) row.ratio = mine.opsPerSec / row.opsPerSec;
  }
  return rows;
}
