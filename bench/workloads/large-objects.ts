/**
 * Workloads 4 and 5: 256 MiB and 1 GiB objects through @aws-sdk/client-s3 — single PutObject from
 * a stream and multipart with 8 MiB parts, then GetObject — in MiB/s, beside the same SDK upload to
 * the node:http discard server, `dd` with fdatasync on the same disk, and the SDK downloading the
 * same bytes from nginx; and the Coffer process's peak resident memory (VmHWM) meanwhile.
 */
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Server } from '../lib/processes.ts';

const MiB = 1024 * 1024;

export interface LargeRow {
  sizeMiB: number;
  cofferPut: number;
  cofferMultipart: number;
  cofferGet: number;
  referencePut: number;
  ddWrite: number;
  nginxGet: number;
  cofferPeakRssMiB: number;
}

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

async function drain(stream: Readable): Promise<number> {
  let n = 0;
  await pipeline(stream, new Writable({ write: (c: Buffer, _e, cb) => ((n += c.length), cb()) }));
  return n;
}

const rate = (size: number, ms: number) => size / MiB / (ms / 1000);

export function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

export async function largeObjectWorkload(options: {
  coffer: Server;
  s3: S3Client;
  referenceS3: S3Client;
  nginxS3: S3Client | undefined;
  nginxRoot: string;
  scratchDir: string;
  sizesMiB: number[];
}): Promise<LargeRow[]> {
  const rows: LargeRow[] = [];
  for (const sizeMiB of options.sizesMiB) {
    const size = sizeMiB * MiB;
    const key = `large-${sizeMiB}`;
    const timed = async (f: () => Promise<unknown>) => {
      const t = performance.now();
      await f();
      return performance.now() - t;
    };
    const cofferPut = rate(size, await timed(() => options.s3.send(new PutObjectCommand({ Bucket: 'bench', Key: key, Body: body(size), ContentLength: size }))));
    const cofferMultipart = rate(
      size,
      await timed(() => new Upload({ client: options.s3, params: { Bucket: 'bench', Key: `${key}-mp`, Body: body(size) }, partSize: 8 * MiB, queueSize: 4 }).done()),
    );
    const cofferGet = rate(
      size,
      await timed(async () => {
        const got = await options.s3.send(new GetObjectCommand({ Bucket: 'bench', Key: key }));
        if ((await drain(got.Body as Readable)) !== size) throw new Error('short GET');
      }),
    );
    const referencePut = rate(
      size,
      await timed(() => options.referenceS3.send(new PutObjectCommand({ Bucket: 'bench', Key: key, Body: body(size), ContentLength: size }))),
    );
    const ddFile = join(options.scratchDir, `dd-${sizeMiB}`);
    const ddWrite = rate(size, await timed(async () => execFileSync('dd', ['if=/dev/zero', `of=${ddFile}`, 'bs=8M', `count=${sizeMiB / 8}`, 'conv=fdatasync'], { stdio: 'ignore' })));
    rmSync(ddFile, { force: true });
    let nginxGet = NaN;
    if (options.nginxS3) {
      mkdirSync(join(options.nginxRoot, 'bench'), { recursive: true });
      execFileSync('dd', ['if=/dev/zero', `of=${join(options.nginxRoot, 'bench', key)}`, 'bs=8M', `count=${sizeMiB / 8}`], { stdio: 'ignore' });
      nginxGet = rate(
        size,
        await timed(async () => {
          const got = await options.nginxS3!.send(new GetObjectCommand({ Bucket: 'bench', Key: key }));
          await drain(got.Body as Readable);
        }),
      );
      rmSync(join(options.nginxRoot, 'bench', key), { force: true });
    }
    rows.push({ sizeMiB, cofferPut, cofferMultipart, cofferGet, referencePut, ddWrite, nginxGet, cofferPeakRssMiB: peakRssMiB(options.coffer.pid) });
  }
  return rows;
}
