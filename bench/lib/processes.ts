/**
 * Starting the servers a benchmark compares, each as its own process on 127.0.0.1: Coffer (as a
 * user runs it), the bare node:http reference, and nginx with a private configuration.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');

export interface Server {
  name: string;
  endpoint: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Resolves with the first match of `pattern` in the child's stdout, then stops reading it into
 * memory: left attached, the listener would keep every request log line in one growing string
 * and rescan it per chunk — which once starved this process's own load generator (workload 3
 * and 6 read as 5× slower than they are).
 */
function waitForLine(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d;
      const m = pattern.exec(out);
      if (m) {
        child.stdout!.off('data', onData);
        child.off('exit', onExit);
        resolve(m);
      }
    };
    const onExit = (code: number | null) => reject(new Error(`process exited (${code}) before it was ready:\n${out}`));
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  });
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

let built = false;

/** Coffer as `npm start` runs it: the esbuild bundle, rebuilt once per benchmark run. */
function cofferEntry(): string {
  if (!built) {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('npm run build failed');
    built = true;
  }
  return join(ROOT, 'dist', 'coffer.mjs');
}

export async function startCoffer(options: {
  dataDir: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  durability?: 'full' | 'none';
  extraArgs?: string[];
  /** Options for node itself, e.g. `--cpu-prof` (bench/profile.ts). */
  nodeArgs?: string[];
}): Promise<Server> {
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), cofferEntry(), 'server', '--port', '0', '--data-dir', options.dataDir, '--log-level', 'info', '--durability', options.durability ?? 'full', ...(options.extraArgs ?? [])],
    {
      env: { ...process.env, COFFER_ROOT_ACCESS_KEY_ID: options.credentials.accessKeyId, COFFER_ROOT_SECRET_ACCESS_KEY: options.credentials.secretAccessKey },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const m = await waitForLine(child, /"endpoint":"([^"]+)"/);
  // Request logs at info level would dominate the measurement: keep draining, never parse.
  child.stdout!.resume();
  return { name: 'coffer', endpoint: m[1]!, pid: child.pid!, stop: stopper(child) };
}

export async function startReference(): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'reference-server.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const m = await waitForLine(child, /"port":(\d+)/);
  return { name: 'node:http', endpoint: `http://127.0.0.1:${m[1]}`, pid: child.pid!, stop: stopper(child) };
}

/** nginx serving `root` read-only, with its own pid/log/temp paths under `prefix`. */
export async function startNginx(options: { prefix: string; root: string; port: number }): Promise<Server> {
  mkdirSync(join(options.prefix, 'logs'), { recursive: true });
  const conf = join(options.prefix, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes auto;
pid ${join(options.prefix, 'nginx.pid')};
error_log ${join(options.prefix, 'logs', 'error.log')} warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  keepalive_timeout 60s;
  client_body_temp_path ${join(options.prefix, 'client_body')};
  proxy_temp_path ${join(options.prefix, 'proxy')};
  fastcgi_temp_path ${join(options.prefix, 'fastcgi')};
  uwsgi_temp_path ${join(options.prefix, 'uwsgi')};
  scgi_temp_path ${join(options.prefix, 'scgi')};
  types { application/octet-stream bin; }
  server {
    listen 127.0.0.1:${options.port};
    root ${options.root};
  }
}
`,
  );
  const child = spawn('nginx', ['-p', options.prefix, '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'inherit'] });
  await new Promise((r) => setTimeout(r, 300));
  if (child.exitCode !== null) throw new Error('nginx did not start (see its error log above)');
  return { name: 'nginx', endpoint: `http://127.0.0.1:${options.port}`, pid: child.pid!, stop: stopper(child) };
}
