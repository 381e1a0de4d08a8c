/**
 * Peak resident memory of the Coffer process while the AWS SDK PUTs and GETs large objects:
 * it must stay flat (under 150 MiB) whatever the object size, because bodies stream and are never
 * buffered. Starts `coffer server` as its own process and reads VmHWM from /proc.
 *
 *   node --import tsx bench/memory.ts            # 256 MiB and 1 GiB
 *   node --import tsx bench/memory.ts 64 512     # sizes in MiB
 */
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';

const MiB = 1024 * 1024;
const BIN = join(fileURLToPath(import.meta.url), '..', '..', 'bin', 'coffer.mjs');
const sizes = (process.argv.slice(2).length ? process.argv.slice(2).map(Number) : [256, 1024]).map((n) => n * MiB);
const credentials = { accessKeyId: 'AKIABENCHMEMORY00001', secretAccessKey: 'bench-memory-secret-bench-memory-secret1' };

/** `size` bytes of a repeating pattern, 1 MiB at a time, without holding more than one chunk. */
function body(size: number): Readable {
  const chunk = Buffer.alloc(MiB, 'coffer');
  let left = size;
  return new Readable({
    read() {
      if (left <= 0) return void this.push(null);
      const n = Math.min(left, chunk.length);
      left -= n;
      this.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    },
  });
}

function vm(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rss: kib('VmRSS') / 1024, hwm: kib('VmHWM') / 1024 };
}

const dataDir = mkdtempSync(join(tmpdir(), 'coffer-bench-memory-'));
const child = spawn(process.execPath, [BIN, 'server', '--port', '0', '--data-dir', dataDir, '--log-level', 'info', '--durability', 'full', '--workers', '1'], {
  env: { ...process.env, COFFER_ROOT_ACCESS_KEY_ID: credentials.accessKeyId, COFFER_ROOT_SECRET_ACCESS_KEY: credentials.secretAccessKey },
  stdio: ['ignore', 'pipe', 'ignore'],
});
const endpoint = await new Promise<string>((resolve) => {
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d;
    const m = /"endpoint":"([^"]+)"/.exec(out);
    if (m) resolve(m[1]!);
  });
});
const s3 = new S3Client({ endpoint, region: 'us-east-1', credentials, forcePathStyle: true });
await s3.send(new CreateBucketCommand({ Bucket: 'memory' }));
const idle = vm(child.pid!);
console.log(`coffer pid ${child.pid}: idle RSS ${idle.rss.toFixed(1)} MiB`);

const rows: string[] = [];
for (const size of sizes) {
  const label = `${size / MiB} MiB`;
  let t = performance.now();
  await s3.send(new PutObjectCommand({ Bucket: 'memory', Key: `single-${label}`, Body: body(size), ContentLength: size }));
  const putSecs = (performance.now() - t) / 1000;
  t = performance.now();
  await new Upload({ client: s3, params: { Bucket: 'memory', Key: `multi-${label}`, Body: body(size) }, partSize: 8 * MiB, queueSize: 4 }).done();
  const mpSecs = (performance.now() - t) / 1000;
  t = performance.now();
  const got = await s3.send(new GetObjectCommand({ Bucket: 'memory', Key: `single-${label}` }));
  let received = 0;
  await pipeline(got.Body as Readable, new Writable({ write: (c: Buffer, _e, cb) => ((received += c.length), cb()) }));
  const getSecs = (performance.now() - t) / 1000;
  if (received !== size) throw new Error(`GET returned ${received} bytes, expected ${size}`);
  const peak = vm(child.pid!);
  rows.push(
    `| ${label} | ${(size / MiB / putSecs).toFixed(0)} | ${(size / MiB / mpSecs).toFixed(0)} | ${(size / MiB / getSecs).toFixed(0)} | ${peak.hwm.toFixed(1)} |`,
  );
}

console.log('\n| object | PutObject MiB/s | multipart (8 MiB parts) MiB/s | GetObject MiB/s | peak RSS of coffer (VmHWM, MiB) |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);
s3.destroy();
child.kill('SIGTERM');
await new Promise((resolve) => child.on('exit', resolve));
rmSync(dataDir, { recursive: true, force: true });
