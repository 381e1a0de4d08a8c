/**
 * `coffer server` as its own process, as a user runs it (`npm start`: the esbuild bundle of
 * scripts/build.mjs), for the tests of the command itself: its banner, signals, crashes and
 * worker processes. Each test file builds its own bundle, private to its run.
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { request as httpRequest, type ClientRequest } from 'node:http';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');

/** Builds the bundle inside the project (its npm packages resolve from node_modules). */
export function buildCoffer(name: string): { bin: string; remove(): void } {
  const dir = join(ROOT, 'dist', `test-${name}-${process.pid}`);
  const bin = join(dir, 'coffer.mjs');
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--outfile', bin], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`scripts/build.mjs failed:\n${build.stderr}`);
  return { bin, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RunningServer {
  child: ChildProcess;
  endpoint: string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  /** Resolves with the first stdout line (JSON log) that matches, now or later. */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

export function startServer(bin: string, dataDir: string, options: { env?: Record<string, string>; args?: string[] } = {}): Promise<RunningServer> {
  const child = spawn(process.execPath, [bin, 'server', '--port', '0', '--data-dir', dataDir, '--log-level', 'info', ...(options.args ?? [])], {
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.stderr!.on('data', (d: Buffer) => (stderr += d));
  child.stdout!.on('data', (d: Buffer) => (stdout += d));
  const waitForLog = (pattern: RegExp, timeoutMs = 10_000) =>
    new Promise<string>((resolve, reject) => {
      const started = Date.now();
      const poll = () => {
        const line = stdout.split('\n').find((l) => pattern.test(l));
        if (line !== undefined) return resolve(line);
        if (Date.now() - started > timeoutMs) return reject(new Error(`no log line matching ${pattern} within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
        setTimeout(poll, 20);
      };
      poll();
    });
  return new Promise((resolve, reject) => {
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening:\n${stderr}\n${stdout}`)));
    waitForLog(/"endpoint":"(http:\/\/[^"]+)"/, 30_000).then(
      (line) => resolve({ child, endpoint: /"endpoint":"(http:\/\/[^"]+)"/.exec(line)![1]!, stdout: () => stdout, stderr: () => stderr, exited, waitForLog }),
      reject,
    );
  });
}

/**
 * A signed PUT of `path` (`/bucket/key`) on its own connection whose body arrives in two halves:
 * the first now, the second when `finish` is called — for what happens to an upload in flight.
 */
export async function startSlowUpload(
  endpoint: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
  path: string,
  half: Buffer,
): Promise<{ finish(rest: Buffer): Promise<number> }> {
  const url = new URL(endpoint);
  const signer = new SignatureV4({ service: 's3', region: 'us-east-1', credentials, sha256: Sha256, uriEscapePath: false });
  const signed = await signer.sign({
    method: 'PUT',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path,
    query: {},
    headers: { host: url.host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', 'content-length': String(2 * half.length) },
  });
  let req!: ClientRequest;
  const status = new Promise<number>((resolve, reject) => {
    req = httpRequest({ host: url.hostname, port: url.port, method: 'PUT', path, headers: signed.headers, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.write(half);
  });
  // The server may cut the connection before `finish` is awaited (a test killing it).
  status.catch(() => {});
  return {
    finish(rest) {
      req.end(rest);
      return status;
    },
  };
}
