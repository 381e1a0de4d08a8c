/**
 * Profile Coffer under one benchmark load and print where its CPU time goes — the first step
 * before changing any hot-path code.
 *
 *   node --import tsx bench/profile.ts [get|put|policy|user|large] [--seconds 8] [-- <coffer server flags>]
 *
 *   get     presigned 4 KiB GETs as root (workload 1)
 *   put     presigned 4 KiB PUTs as root (workload 2)
 *   policy  the same with workload 7's 100-statement bucket policy
 *   user    the same signed by workload 7's IAM user with 10 attached policies
 *   large   GetObject of a 512 MiB object through the SDK, three times (workload 4)
 *
 * Writes the V8 profile (open it in Chrome DevTools or speedscope) to a temp directory and prints
 * the functions with the most self time.
 */
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { startCoffer } from './lib/processes.ts';
import { runWrk } from './lib/wrk.ts';
import { bigBucketPolicy, createBenchUser, POLICY_BUCKET } from './workloads/policy-heavy.ts';

const args = process.argv.slice(2);
const dashdash = args.indexOf('--');
const serverFlags = dashdash >= 0 ? args.slice(dashdash + 1) : [];
const own = dashdash >= 0 ? args.slice(0, dashdash) : args;
const mode = own.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? 'get';
const secondsAt = own.indexOf('--seconds');
const seconds = secondsAt >= 0 ? Number(own[secondsAt + 1]) : 8;

const credentials = { accessKeyId: 'AKIABENCHMARKROOT001', secretAccessKey: 'benchmark-secret-benchmark-secret-000001' };
const work = mkdtempSync(join(tmpdir(), 'coffer-profile-'));
const profileDir = join(work, 'profile');
// One process, so that the profile holds every request (flags after `--` may say otherwise).
const coffer = await startCoffer({ dataDir: join(work, 'data'), credentials, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`], extraArgs: ['--workers', '1', ...serverFlags] });
const s3 = new S3Client({ endpoint: coffer.endpoint, region: 'us-east-1', credentials, forcePathStyle: true });
try {
  await s3.send(new CreateBucketCommand({ Bucket: 'bench' }));
  await s3.send(new PutObjectCommand({ Bucket: 'bench', Key: 'obj4k', Body: Buffer.alloc(4096, 'c') }));
  if (mode === 'large') {
    const size = 512 * 1024 * 1024;
    await s3.send(new PutObjectCommand({ Bucket: 'bench', Key: 'large', Body: Readable.from(chunks(size)), ContentLength: size }));
    const reader = new S3Client({ endpoint: coffer.endpoint, region: 'us-east-1', credentials, forcePathStyle: true, responseChecksumValidation: 'WHEN_REQUIRED' });
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const got = await reader.send(new GetObjectCommand({ Bucket: 'bench', Key: 'large' }));
      for await (const _ of got.Body as Readable) void _;
      console.log(`large GET: ${((size / 1024 / 1024) / ((performance.now() - started) / 1000)).toFixed(0)} MiB/s`);
    }
    reader.destroy();
  }
  let signer = s3;
  if (mode === 'large') {
    // measured above
  } else if (mode !== 'get' && mode !== 'put') {
    await bigBucketPolicy(s3, coffer.endpoint, credentials);
    if (mode === 'user') signer = await createBenchUser(coffer.endpoint, credentials);
  }
  const bucket = mode === 'get' || mode === 'put' ? 'bench' : POLICY_BUCKET;
  const command = mode === 'put' ? new PutObjectCommand({ Bucket: bucket, Key: 'put4k' }) : new GetObjectCommand({ Bucket: bucket, Key: 'obj4k' });
  const url = await getSignedUrl(signer, command, { expiresIn: 3600 });
  const script = mode === 'put' ? join(fileURLToPath(import.meta.url), '..', 'lib', 'put-4k.lua') : undefined;
  if (mode !== 'large') {
    const result = await runWrk({ url, connections: 64, seconds, script });
    console.log(`${mode}: ${Math.round(result.opsPerSec)} ops/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, errors ${result.errors}`);
  }
} finally {
  s3.destroy();
  await coffer.stop();
}

// The main thread's profile is the largest (a tsx run also profiles its loader thread).
const file = readdirSync(profileDir)
  .filter((f) => f.endsWith('.cpuprofile'))
  .sort((a, b) => statSync(join(profileDir, b)).size - statSync(join(profileDir, a)).size)[0];
if (!file) throw new Error(`no profile written to ${profileDir}`);
const profile = JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as CpuProfile;
printTopFunctions(profile, 30);
printInclusive(profile, 40);
console.log(`\nprofile: ${join(profileDir, file)}`);

function* chunks(size: number): Generator<Buffer> {
  const chunk = Buffer.alloc(1024 * 1024, 'large');
  for (let sent = 0; sent < size; sent += chunk.length) yield chunk;
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function, summed over every node that is the same function. */
function printTopFunctions(profile: CpuProfile, count: number): void {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)!.callFrame;
    const where = frame.url ? `${frame.url.replace(/^.*\/(node_modules|src|dist)\//, '$1/')}:${frame.lineNumber + 1}` : '';
    const key = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  console.log(`\nself time, top ${count} of ${self.size} functions (${(total / 1e6).toFixed(1)} s sampled):`);
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, count)) {
    console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`);
  }
}

/** Total time (self + callees) of Coffer's own functions: which steps of a request cost most. */
function printInclusive(profile: CpuProfile, count: number): void {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
    if (byNode.get(id)!.callFrame.functionName !== '(idle)') busy += profile.timeDeltas[i] ?? 0;
  });
  const total = new Map<string, number>();
  const walk = (id: number, onStack: Set<string>): number => {
    const node = byNode.get(id)!;
    let t = self.get(id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    const ours = url.includes('/src/') || url.includes('/dist/');
    const key = ours ? `${functionName || '(anonymous)'} ${url.replace(/^.*\/(src|dist)\//, '$1/')}:${lineNumber + 1}` : undefined;
    const fresh = key !== undefined && !onStack.has(key);
    if (fresh) onStack.add(key);
    for (const child of node.children ?? []) t += walk(child, onStack);
    if (fresh) {
      onStack.delete(key);
      total.set(key, (total.get(key) ?? 0) + t);
    }
    return t;
  };
  walk(profile.nodes[0]!.id, new Set());
  console.log(`\ntotal time (self + callees) of Coffer's functions, % of busy time (${(busy / 1e6).toFixed(1)} s):`);
  for (const [key, us] of [...total].sort((a, b) => b[1] - a[1]).slice(0, count)) {
    console.log(`${((100 * us) / busy).toFixed(1).padStart(5)}%  ${key}`);
  }
}
