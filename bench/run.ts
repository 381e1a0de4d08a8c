/**
 * `npm run bench`: Coffer beside its reference points in one run — a bare node:http server and
 * nginx — under the same load, servers interleaved over several rounds. Prints a table of
 * medians and ratios (Coffer ÷ reference) and writes the raw numbers and the machine to
 * bench/results/<date>.json.
 *
 *   npm run bench                 # all workloads, 3 rounds × 10 s
 *   npm run bench -- --quick      # 1 round × 3 s, for a smoke test
 */
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCoffer, startNginx, startReference } from './lib/processes.ts';
import { machine } from './lib/stats.ts';
import { smallObjectWorkloads, type Row } from './workloads/small-objects.ts';

const quick = process.argv.includes('--quick');
const rounds = quick ? 1 : 3;
const seconds = quick ? 3 : 10;
const credentials = { accessKeyId: 'AKIABENCHMARKROOT001', secretAccessKey: 'benchmark-secret-benchmark-secret-000001' };

const work = mkdtempSync(join(tmpdir(), 'coffer-bench-'));
const nginxRoot = join(work, 'www');
mkdirSync(nginxRoot);
writeFileSync(join(nginxRoot, 'obj4k.bin'), Buffer.alloc(4096, 'p'));

const coffer = await startCoffer({ dataDir: join(work, 'coffer'), credentials });
const reference = await startReference();
const nginx = await startNginx({ prefix: join(work, 'nginx'), root: nginxRoot, port: 20000 + Math.floor(Math.random() * 20000) }).catch((e) => {
  console.error(`nginx not available, skipping it: ${(e as Error).message}`);
  return undefined;
});
const s3 = new S3Client({ endpoint: coffer.endpoint, region: 'us-east-1', credentials, forcePathStyle: true });
await s3.send(new CreateBucketCommand({ Bucket: 'bench' }));

const rows: Row[] = [];
try {
  rows.push(...(await smallObjectWorkloads({ coffer, reference, nginx, s3, credentials, rounds, seconds, connections: 64 })));
} finally {
  s3.destroy();
  await Promise.all([coffer.stop(), reference.stop(), nginx?.stop()]);
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
console.log(`\n| workload | server | ops/s (median) | p50 ms | p99 ms | Coffer ÷ this |`);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  console.log(`| ${r.workload} | ${r.server} | ${fmt(r.opsPerSec)} | ${fmt(r.p50Ms, 2)} | ${fmt(r.p99Ms, 2)} | ${r.ratio === undefined ? '' : fmt(r.ratio, 2)} |`);
}
const out = join(fileURLToPath(import.meta.url), '..', 'results');
mkdirSync(out, { recursive: true });
const file = join(out, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ machine: machine(), rounds, seconds, rows }, null, 2));
console.log(`\nraw numbers: ${file}`);
rmSync(work, { recursive: true, force: true });
