/**
 * What the audit log costs a request.
 *  1. In process: µs per record on the request path (build the record, JSON.stringify, queue the
 *     line) for an allow, a policy denial with its statement trace, and an authentication
 *     failure; then how fast the queued lines reach the disk.
 *  2. End to end (`--server`): `coffer server --audit off` against `--audit all`, interleaved
 *     rounds of header-signed GETs of a 4 KiB object from 64 connections; ops/s and p50/p99.
 * Run: node --import tsx src/diagnostics/audit/audit.bench.ts [--server] [--seconds 5] [--rounds 3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { expiredToken } from '../../auth/sigv4/sigv4-errors.ts';
import { ManualClock } from '../../lib/clock.ts';
import { S3Error } from '../../s3/errors/s3-error.ts';
import { openAuditLog } from './audit-log.ts';
import type { AuditInput } from './build-audit-record.ts';
import { ALICE, ALLOWED_BY_ACL, DENIED_BY_MAX_AGE, RECEIVED_AT, SESSION_TOKEN, request, signed } from './testing/audit-fixtures.ts';

const { values } = parseArgs({ options: { server: { type: 'boolean' }, seconds: { type: 'string' }, rounds: { type: 'string' } } });
const work = mkdtempSync(join(tmpdir(), 'coffer-audit-bench-'));

try {
  await inProcess();
  if (values.server === true) await endToEnd(Number(values.seconds ?? 5), Number(values.rounds ?? 3));
} finally {
  rmSync(work, { recursive: true, force: true });
}

async function inProcess(): Promise<void> {
  const req = request({ headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKIAEXAMPLEALICE0001/20240501/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00', 'x-amz-date': '20240501T120000Z', 'user-agent': 'aws-sdk-js/3.1174.0 ua/2.1 os/linux lang/js md/nodejs#20 api/s3#3.1174.0' } });
  const auth = signed(ALICE);
  const denied = new S3Error('AccessDenied', { message: DENIED_BY_MAX_AGE.message, reason: DENIED_BY_MAX_AGE.reason });
  const cases: Array<[string, AuditInput]> = [
    ['allow', { requestId: 'R', req, outcome: { operation: 'GetObject', auth, decision: { ...ALLOWED_BY_ACL, trace: { ...ALLOWED_BY_ACL.trace!, notes: [] } }, response: { status: 200 } }, receivedAt: RECEIVED_AT, ms: 1 }],
    ['explicit deny + trace', { requestId: 'R', req, outcome: { operation: 'GetObject', auth, decision: DENIED_BY_MAX_AGE, error: denied, response: { status: 403 } }, receivedAt: RECEIVED_AT, ms: 1 }],
    ['auth failure', { requestId: 'R', req, outcome: { operation: 'GetObject', error: expiredToken(SESSION_TOKEN), response: { status: 400 } }, receivedAt: RECEIVED_AT, ms: 1 }],
  ];
  const N = 200_000;
  console.log(`in process, ${N} records each (build + JSON.stringify + queue; then until on disk):`);
  for (const [name, input] of cases) {
    const log = await openAuditLog({ dataDir: join(work, name.replace(/\W+/g, '-')), mode: 'all', retentionMs: 86_400_000, clock: new ManualClock(RECEIVED_AT), onError: (e) => console.error(e) });
    for (let i = 0; i < 10_000; i++) log.record(input);
    await log.flush();
    let inRecord = 0;
    const t0 = performance.now();
    for (let i = 0; i < N; i++) {
      const s = performance.now();
      log.record(input);
      inRecord += performance.now() - s;
      // Give the writer its event-loop turns, as a server does between requests.
      if (i % 1000 === 999) await new Promise((r) => setImmediate(r));
    }
    const t1 = performance.now();
    await log.flush();
    const t2 = performance.now();
    await log.close();
    const us = (ms: number) => ((ms * 1000) / N).toFixed(2);
    console.log(
      `  ${name.padEnd(22)} ${us(inRecord)} µs/record inside the request (record()), ${us(t1 - t0)} µs/record of event-loop time in all (with the batched writes); ${Math.round(N / ((t2 - t0) / 1000)).toLocaleString('en')} records/s to disk`,
    );
  }
}

async function endToEnd(seconds: number, rounds: number): Promise<void> {
  const { CreateBucketCommand, PutObjectCommand, S3Client } = await import('@aws-sdk/client-s3');
  const { startCoffer } = await import('../../../bench/lib/processes.ts');
  const { runSignedLoad } = await import('../../../bench/lib/signed-load.ts');
  const credentials = { accessKeyId: 'AKIABENCHMARKROOT001', secretAccessKey: 'benchmark-secret-benchmark-secret-000001' };
  const servers = [];
  for (const mode of ['off', 'all'] as const) {
    const server = await startCoffer({ dataDir: join(work, `server-${mode}`), credentials, durability: 'none', extraArgs: ['--audit', mode] });
    const s3 = new S3Client({ endpoint: server.endpoint, region: 'us-east-1', credentials, forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'bench' }));
    await s3.send(new PutObjectCommand({ Bucket: 'bench', Key: 'obj4k', Body: Buffer.alloc(4096, 'p') }));
    s3.destroy();
    servers.push({ mode, server, runs: [] as Array<{ opsPerSec: number; p50Ms: number; p99Ms: number }> });
  }
  try {
    console.log(`\nend to end: signed GET of 4 KiB, 64 connections, ${rounds} interleaved rounds × ${seconds} s`);
    for (let round = 0; round < rounds; round++) {
      for (const s of round % 2 === 0 ? servers : [...servers].reverse()) {
        s.runs.push(await runSignedLoad({ endpoint: s.server.endpoint, method: 'GET', path: '/bench/obj4k', connections: 64, seconds, credentials }));
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const rows = servers.map((s) => ({ mode: s.mode, ops: median(s.runs.map((r) => r.opsPerSec)), p50: median(s.runs.map((r) => r.p50Ms)), p99: median(s.runs.map((r) => r.p99Ms)) }));
    for (const r of rows) console.log(`  --audit ${r.mode.padEnd(4)} ${Math.round(r.ops).toLocaleString('en').padStart(7)} ops/s  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms`);
    const [off, all] = rows as [(typeof rows)[0], (typeof rows)[0]];
    console.log(`  cost of --audit all: ${((1 / all.ops - 1 / off.ops) * 1e6).toFixed(1)} µs of server time per request (${(((off.ops - all.ops) / off.ops) * 100).toFixed(1)}% throughput)`);
  } finally {
    for (const s of servers) await s.server.stop();
  }
}
