/**
 * `npm run bench`: Coffer beside its reference points in one run — a bare node:http server and
 * nginx — under the same load, servers interleaved over several rounds. Prints tables of medians
 * and ratios (Coffer ÷ reference) and writes the raw numbers and the machine to
 * bench/results/<date>.json.
 *
 *   npm run bench                  # every workload, 3 rounds × 10 s, objects of 256 MiB and 1 GiB
 *   npm run bench -- --quick       # 1 round × 3 s, 64 MiB objects, 10k keys: a smoke test
 *   npm run bench -- --only large  # some of: small (1–3), policy (7), listing (6), large (4–5)
 *   npm run bench -- --durability none   # Coffer without fsync (what durability costs)
 *   npm run bench -- --workers 1   # Coffer in one process (default: its own default, one per core)
 */
import { CreateBucketCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCoffer, startNginx, startReference } from './lib/processes.ts';
import { machine, median } from './lib/stats.ts';
import { largeObjectWorkload, type LargeRow } from './workloads/large-objects.ts';
import { listingWorkload, type ListingRow } from './workloads/listing.ts';
import { policyHeavyWorkload } from './workloads/policy-heavy.ts';
import { smallObjectWorkloads, type Row } from './workloads/small-objects.ts';

const quick = process.argv.includes('--quick');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set(process.argv[onlyAt + 1]!.split(',')) : undefined;
const wanted = (name: 'small' | 'policy' | 'listing' | 'large') => only === undefined || only.has(name);
const durabilityAt = process.argv.indexOf('--durability');
const durability = durabilityAt >= 0 ? process.argv[durabilityAt + 1]! : 'full';
// The audit log is off: it is measured on its own (src/diagnostics/audit/audit.bench.ts).
const workersAt = process.argv.indexOf('--workers');
const workers = workersAt >= 0 ? process.argv[workersAt + 1]! : 'auto';
const cofferArgs = ['--audit', 'off', '--durability', durability, '--workers', workers];
const rounds = quick ? 1 : 3;
const seconds = quick ? 3 : 10;
const credentials = { accessKeyId: 'AKIABENCHMARKROOT001', secretAccessKey: 'benchmark-secret-benchmark-secret-000001' };

const work = mkdtempSync(join(tmpdir(), 'coffer-bench-'));
// nginx's workers run as an unprivileged user: the files it serves must be readable to them.
chmodSync(work, 0o755);
const nginxRoot = join(work, 'www');
mkdirSync(nginxRoot, { mode: 0o755 });
writeFileSync(join(nginxRoot, 'obj4k.bin'), Buffer.alloc(4096, 'p'));
const dataDir = join(work, 'coffer');

const coffer = await startCoffer({ dataDir, credentials, extraArgs: cofferArgs });
const reference = await startReference();
const nginx = await startNginx({ prefix: join(work, 'nginx'), root: nginxRoot, port: 20000 + Math.floor(Math.random() * 20000) }).catch((e) => {
  console.error(`nginx not available, skipping it: ${(e as Error).message}`);
  return undefined;
});
const client = (endpoint: string, extra: Partial<S3ClientConfig> = {}) => new S3Client({ endpoint, region: 'us-east-1', credentials, forcePathStyle: true, ...extra });
const s3 = client(coffer.endpoint);
await s3.send(new CreateBucketCommand({ Bucket: 'bench' }));

const small: Row[] = [];
let policy: Awaited<ReturnType<typeof policyHeavyWorkload>> | undefined;
let listing: ListingRow[] = [];
let large: LargeRow[] = [];
try {
  if (wanted('small')) small.push(...(await smallObjectWorkloads({ coffer, reference, nginx, s3, credentials, rounds, seconds, connections: 64 })));
  if (wanted('policy')) policy = await policyHeavyWorkload({ endpoint: coffer.endpoint, s3, credentials, rounds, seconds, connections: 64 });
  if (wanted('listing')) listing = await listingWorkload({
    s3,
    dataDir,
    owner: await ownerOf(coffer.endpoint),
    sizes: quick ? [10_000] : [10_000, 1_000_000],
    fullScanUpTo: quick ? 10_000 : 1_000_000,
  });
  s3.destroy();
  await coffer.stop();
  if (wanted('large')) large = await largeObjects();
} finally {
  s3.destroy();
  await Promise.all([coffer.stop(), reference.stop(), nginx?.stop()]);
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
console.log(`\n## 4 KiB objects (workloads 1–3): medians of ${rounds} round(s) × ${seconds} s, 64 connections\n`);
console.log(`| workload | server | ops/s | p50 ms | p99 ms | Coffer ÷ this | server CPU µs/request | non-2xx/errors |`);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of small) {
  console.log(
    `| ${r.workload} | ${r.server} | ${fmt(r.opsPerSec)} | ${fmt(r.p50Ms, 2)} | ${fmt(r.p99Ms, 2)} | ${r.ratio === undefined ? '' : fmt(r.ratio, 2)} | ${fmt(r.cpuUsPerOp)} | ${r.errors} |`,
  );
}
if (policy) {
  const base = median(policy.baseline.map((r) => r.opsPerSec));
  const bp = median(policy.bucketPolicy.map((r) => r.opsPerSec));
  const iu = median(policy.iamUser.map((r) => r.opsPerSec));
  console.log(`\n## Policy-heavy GET (workload 7), relative to workload 1 interleaved with it\n`);
  console.log('| case | ops/s | ÷ workload 1 |');
  console.log('| --- | --- | --- |');
  console.log(`| workload 1 (no bucket policy, root) | ${fmt(base)} | 1.00 |`);
  console.log(`| 100-statement bucket policy with conditions | ${fmt(bp)} | ${fmt(bp / base, 2)} |`);
  console.log(`| IAM user with 10 attached policies (+ the bucket policy) | ${fmt(iu)} | ${fmt(iu / base, 2)} |`);
}
console.log(`\n## ListObjectsV2 (workload 6)\n`);
console.log('| keys in bucket | one page of 1000 (ms) | prefix+delimiter page (ms) | full scan (keys/s) |');
console.log('| --- | --- | --- | --- |');
for (const r of listing) console.log(`| ${r.keys} | ${fmt(r.pageMs, 1)} | ${fmt(r.delimiterPageMs, 1)} | ${fmt(r.fullScanKeysPerSec)} |`);
console.log(`\n## Large objects through the AWS SDK (workloads 4–5), MiB/s\n`);
console.log(
  '| size | Coffer PutObject | Coffer multipart 8 MiB | SDK PUT to node:http discard | Coffer ÷ discard | dd fdatasync | Coffer ÷ dd | Coffer GetObject (SDK verifies checksum) | Coffer GetObject (no checksum) | SDK GET from nginx | Coffer (no checksum) ÷ nginx | Coffer peak RSS MiB, largest process | all Coffer processes |',
);
console.log(`|${' --- |'.repeat(13)}`);
for (const r of large) {
  console.log(
    `| ${r.sizeMiB} MiB | ${fmt(r.cofferPut)} | ${fmt(r.cofferMultipart)} | ${fmt(r.referencePut)} | ${fmt(r.cofferPut / r.referencePut, 2)} | ${fmt(r.ddWrite)} | ${fmt(r.cofferPut / r.ddWrite, 2)} | ${fmt(r.cofferGet)} | ${fmt(r.cofferGetUnverified)} | ${fmt(r.nginxGet)} | ${fmt(r.cofferGetUnverified / r.nginxGet, 2)} | ${fmt(r.cofferPeakRssMiB, 1)} | ${fmt(r.cofferPeakRssTotalMiB, 1)} |`,
  );
}
const out = join(fileURLToPath(import.meta.url), '..', 'results');
mkdirSync(out, { recursive: true });
const file = join(out, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ machine: machine(), durability, workers, rounds, seconds, small, policy, listing, large }, null, 2));
console.log(`\nmachine: ${JSON.stringify(machine())}\nraw numbers: ${file}`);
rmSync(work, { recursive: true, force: true });

/** Workloads 4-5, on a fresh Coffer process so that its peak memory is theirs alone. */
async function largeObjects(): Promise<LargeRow[]> {
  const fresh = await startCoffer({ dataDir: join(work, 'coffer-large'), credentials, extraArgs: cofferArgs });
  const freshS3 = client(fresh.endpoint);
  const unverifiedS3 = client(fresh.endpoint, { responseChecksumValidation: 'WHEN_REQUIRED' });
  try {
    await freshS3.send(new CreateBucketCommand({ Bucket: 'bench' }));
    return await largeObjectWorkload({
      coffer: fresh,
      s3: freshS3,
      unverifiedS3,
      rounds,
      referenceS3: client(reference.endpoint),
      nginxS3: nginx ? client(nginx.endpoint) : undefined,
      nginxRoot,
      scratchDir: work,
      sizesMiB: quick ? [64] : [256, 1024],
    });
  } finally {
    freshS3.destroy();
    unverifiedS3.destroy();
    await fresh.stop();
  }
}

async function ownerOf(endpoint: string) {
  const { ListBucketsCommand } = await import('@aws-sdk/client-s3');
  const c = client(endpoint);
  const res = await c.send(new ListBucketsCommand({}));
  c.destroy();
  return { accountId: await accountIdOf(endpoint), canonicalId: res.Owner!.ID!, displayName: 'coffer' };
}

async function accountIdOf(endpoint: string): Promise<string> {
  const { STSClient, GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
  const sts = new STSClient({ endpoint, region: 'us-east-1', credentials });
  const id = await sts.send(new GetCallerIdentityCommand({}));
  sts.destroy();
  return id.Account!;
}
