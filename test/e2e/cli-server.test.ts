/**
 * `coffer server` as a user runs it (`npm start`: the esbuild bundle of scripts/build.mjs, with
 * its default worker processes): first start generates and prints root credentials (once) and
 * keeps its files private; SIGTERM lets an in-flight upload finish before the process exits.
 */
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildCoffer, startServer, startSlowUpload, type RunningServer } from './server-process.ts';

const { bin: BIN, remove: removeBuild } = buildCoffer('cli-server');
type Running = RunningServer;

describe('coffer server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'coffer-cli-server-'));
  after(() => {
    rmSync(dataDir, { recursive: true, force: true });
    removeBuild();
  });

  it('prints generated root credentials once, keeps secrets private, and shuts down gracefully', async () => {
    const first = await startServer(BIN, dataDir);
    const id = /export AWS_ACCESS_KEY_ID=(AKIA[A-Z0-9]{16})/.exec(first.stderr())?.[1];
    const secret = /export AWS_SECRET_ACCESS_KEY=(\S{40})/.exec(first.stderr())?.[1];
    assert.ok(id && secret, `credentials banner on stderr:\n${first.stderr()}`);
    assert.match(first.stderr(), /aws --profile coffer --endpoint-url http:\/\/127\.0\.0\.1:\d+ s3 ls/);
    for (const file of ['master.key', 'identity.sqlite', 'metadata.sqlite']) {
      assert.equal(statSync(join(dataDir, file)).mode & 0o777, 0o600, file);
    }
    const credentials = { accessKeyId: id, secretAccessKey: secret };
    const s3 = new S3Client({ endpoint: first.endpoint, region: 'us-east-1', credentials, forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'shutdown' }));

    // An upload whose body arrives in two halves, with SIGTERM in between.
    const half = Buffer.alloc(64 * 1024, 'h');
    const { status, exitCode } = await slowUploadAcrossSigterm(first, credentials, half);
    assert.equal(status, 200, 'the in-flight upload finished');
    assert.equal(exitCode, 0, 'the process exited cleanly after it');
    s3.destroy();

    const second = await startServer(BIN, dataDir);
    assert.doesNotMatch(second.stderr(), /AWS_SECRET_ACCESS_KEY/, 'credentials are printed only on the first start');
    const s3b = new S3Client({ endpoint: second.endpoint, region: 'us-east-1', credentials, forcePathStyle: true });
    const got = await s3b.send(new GetObjectCommand({ Bucket: 'shutdown', Key: 'slow' }));
    assert.equal((await got.Body!.transformToByteArray()).length, 2 * half.length, 'the object survived the restart');
    await s3b.send(new PutObjectCommand({ Bucket: 'shutdown', Key: 'again', Body: 'x' }));
    s3b.destroy();
    second.child.kill('SIGINT');
    assert.equal(await second.exited, 0);
  });

  it('uses COFFER_ROOT_ACCESS_KEY_ID / COFFER_ROOT_SECRET_ACCESS_KEY and prints nothing secret', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coffer-cli-env-'));
    const env = { COFFER_ROOT_ACCESS_KEY_ID: 'AKIAENVROOTKEY000001', COFFER_ROOT_SECRET_ACCESS_KEY: 'env-secret-env-secret-env-secret-0000001' };
    const server = await startServer(BIN, dir, { env });
    assert.doesNotMatch(server.stderr(), /AWS_SECRET_ACCESS_KEY/);
    const s3 = new S3Client({
      endpoint: server.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: env.COFFER_ROOT_ACCESS_KEY_ID, secretAccessKey: env.COFFER_ROOT_SECRET_ACCESS_KEY },
      forcePathStyle: true,
    });
    await s3.send(new CreateBucketCommand({ Bucket: 'from-env' }));
    s3.destroy();
    server.child.kill('SIGTERM');
    assert.equal(await server.exited, 0);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a crash mid-upload leaves no object and no stray bytes after the restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coffer-cli-crash-'));
    const env = { COFFER_ROOT_ACCESS_KEY_ID: 'AKIACRASHTESTKEY0001', COFFER_ROOT_SECRET_ACCESS_KEY: 'crash-secret-crash-secret-crash-secret01' };
    const credentials = { accessKeyId: env.COFFER_ROOT_ACCESS_KEY_ID, secretAccessKey: env.COFFER_ROOT_SECRET_ACCESS_KEY };
    // One process: this is about a process dying mid-write (a cluster's primary dying is in cluster.test.ts).
    const first = await startServer(BIN, dir, { env, args: ['--workers', '1'] });
    const s3 = new S3Client({ endpoint: first.endpoint, region: 'us-east-1', credentials, forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'shutdown' }));
    // Large enough to live in a blob file (small objects are kept in the metadata row).
    const old = 'the old version '.repeat(4096);
    await s3.send(new PutObjectCommand({ Bucket: 'shutdown', Key: 'slow', Body: old }));
    s3.destroy();
    // Half a body, then the process dies without any chance to clean up.
    const result = slowUploadAcrossSigterm(first, credentials, Buffer.alloc(64 * 1024, 'n'), 'SIGKILL').catch(() => 'cut');
    await first.exited;
    await result;

    const second = await startServer(BIN, dir, { env });
    const s3b = new S3Client({ endpoint: second.endpoint, region: 'us-east-1', credentials, forcePathStyle: true });
    const got = await s3b.send(new GetObjectCommand({ Bucket: 'shutdown', Key: 'slow' }));
    assert.equal(await got.Body!.transformToString(), old, 'the old object, not a mix');
    assert.deepEqual(readdirSync(join(dir, 'tmp')), [], 'the half-written temporary file is gone');
    assert.equal(countFiles(join(dir, 'blobs')), 1, 'only the old object’s blob remains');
    s3b.destroy();
    second.child.kill('SIGTERM');
    assert.equal(await second.exited, 0);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses bad configuration with a message naming the flag', async () => {
    const child = spawn(process.execPath, [BIN, 'server', '--port', 'nine'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    assert.equal(code, 2);
    assert.match(stderr, /--port \/ COFFER_PORT: not a port number/);
  });
});

function countFiles(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) n += entry.isDirectory() ? countFiles(join(dir, entry.name)) : 1;
  return n;
}

/** PUT /shutdown/slow: headers and half the body, a signal, then the rest. */
async function slowUploadAcrossSigterm(
  server: Running,
  credentials: { accessKeyId: string; secretAccessKey: string },
  half: Buffer,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<{ status: number; exitCode: number | null }> {
  const upload = await startSlowUpload(server.endpoint, credentials, '/shutdown/slow', half);
  await new Promise((r) => setTimeout(r, 200));
  server.child.kill(signal);
  await new Promise((r) => setTimeout(r, 300));
  const status = await upload.finish(half);
  return { status, exitCode: await server.exited };
}
