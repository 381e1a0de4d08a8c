/**
 * Workloads 4 and 5: 256 MiB and 1 GiB objects through @aws-sdk/client-s3 — single PutObject from
 * a stream and multipart with 8 MiB parts, then GetObject — in MiB/s, beside the same SDK upload to
 * the node:http discard server, `dd` with fdatasync on the same disk, and the SDK downloading the
 * same bytes from nginx; and the Coffer process's peak resident memory (VmHWM) meanwhile.
 * Medians of `rounds` rounds, each running every case once (interleaved).
 *
 * GetObject is measured twice: with the SDK's defaults (it sends `x-amz-checksum-mode: ENABLED`
 * and then verifies the stored checksum in JavaScript as the bytes arrive — nginx's answer has
 * no checksum, so that work is the client's and Coffer's alone), and with
 * `responseChecksumValidation: 'WHEN_REQUIRED'`, the like-for-like comparison with nginx.
 */
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Server } from '../lib/processes.ts';
import { median, peakRssMiB } from '../lib/stats.ts';

const MiB = 1024 * 1024;

export interface LargeRow {
  sizeMiB: number;
  cofferPut: number;
  cofferMultipart: number;
  cofferGet: number;
  /** GetObject by a client that does not ask for (and verify) the checksum. */
  cofferGetUnverified: number;
  referencePut: number;
  ddWrite: number;
  nginxGet: number;
  /** VmHWM of the largest Coffer process (a worker, with --workers > 1). */
  cofferPeakRssMiB: number;
  /** VmHWM of all Coffer processes together (primary and workers). */
  cofferPeakRssTotalMiB: number;
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

function peakRss(pid: number): Pick<LargeRow, 'cofferPeakRssMiB' | 'cofferPeakRssTotalMiB'> {
  const { largest, total } = peakRssMiB(pid);
  return { cofferPeakRssMiB: largest, cofferPeakRssTotalMiB: total };
}

const rate = (size: number, ms: number) => size / MiB / (ms / 1000);


export async function largeObjectWorkload(options: {
  coffer: Server;
  s3: S3Client;
  /** The same credentials and endpoint, with responseChecksumValidation: 'WHEN_REQUIRED'. */
  unverifiedS3: S3Client;
  rounds: number;
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
      return rate(size, performance.now() - t);
    };
    const get = (client: S3Client, bucket: string) => async () => {
      const got = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      if ((await drain(got.Body as Readable)) !== size) throw new Error('short GET');
    };
    const nginxFile = join(options.nginxRoot, 'bench', key);
    if (options.nginxS3) {
      mkdirSync(join(options.nginxRoot, 'bench'), { recursive: true });
      execFileSync('dd', ['if=/dev/zero', `of=${nginxFile}`, 'bs=8M', `count=${sizeMiB / 8}`], { stdio: 'ignore' });
    }
    const runs: Array<Omit<LargeRow, 'sizeMiB' | 'cofferPeakRssMiB' | 'cofferPeakRssTotalMiB'>> = [];
    for (let round = 0; round < options.rounds; round++) {
      if (round === 0) {
        // Warm-up, unmeasured: the first pass of each path pays for V8 compiling it.
        await options.s3.send(new PutObjectCommand({ Bucket: 'bench', Key: key, Body: body(size), ContentLength: size }));
        await get(options.unverifiedS3, 'bench')();
        if (options.nginxS3) await get(options.nginxS3, 'bench')();
      }
      const cofferPut = await timed(() => options.s3.send(new PutObjectCommand({ Bucket: 'bench', Key: key, Body: body(size), ContentLength: size })));
      const referencePut = await timed(() =>
        options.referenceS3.send(new PutObjectCommand({ Bucket: 'bench', Key: key, Body: body(size), ContentLength: size })),
      );
      const ddFile = join(options.scratchDir, `dd-${sizeMiB}`);
      const ddWrite = await timed(async () => execFileSync('dd', ['if=/dev/zero', `of=${ddFile}`, 'bs=8M', `count=${sizeMiB / 8}`, 'conv=fdatasync'], { stdio: 'ignore' }));
      rmSync(ddFile, { force: true });
      const cofferMultipart = await timed(() =>
        new Upload({ client: options.s3, params: { Bucket: 'bench', Key: `${key}-mp`, Body: body(size) }, partSize: 8 * MiB, queueSize: 4 }).done(),
      );
      const cofferGet = await timed(get(options.s3, 'bench'));
      const cofferGetUnverified = await timed(get(options.unverifiedS3, 'bench'));
      const nginxGet = options.nginxS3 ? await timed(get(options.nginxS3, 'bench')) : NaN;
      runs.push({ cofferPut, cofferMultipart, cofferGet, cofferGetUnverified, referencePut, ddWrite, nginxGet });
    }
    rmSync(nginxFile, { force: true });
    const med = (k: keyof (typeof runs)[number]) => median(runs.map((r) => r[k]));
    rows.push({
      sizeMiB,
      cofferPut: med('cofferPut'),
      cofferMultipart: med('cofferMultipart'),
      cofferGet: med('cofferGet'),
      cofferGetUnverified: med('cofferGetUnverified'),
      referencePut: med('referencePut'),
      ddWrite: med('ddWrite'),
      nginxGet: med('nginxGet'),
      ...peakRss(options.coffer.pid),
    });
  }
  return rows;
}
