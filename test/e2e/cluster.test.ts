/**
 * `coffer server --workers 2`: two worker processes behind one port, driven by the AWS SDK over
 * a fresh connection per request (node:cluster hands connections out in turn, so consecutive
 * requests land on different workers). What one worker writes, the other serves; a bucket
 * policy and a moved clock apply at once everywhere; a dead worker is replaced; SIGTERM stops
 * them all cleanly, and a killed primary takes its workers with it.
 */
import {
  CreateBucketCommand,
  DeleteBucketPolicyCommand,
  GetObjectCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCoffer, startServer, startSlowUpload, type RunningServer } from './server-process.ts';

const { bin: BIN, remove: removeBuild } = buildCoffer('cluster');
const ROOT_KEY = { accessKeyId: 'AKIACLUSTERTESTKEY01', secretAccessKey: 'cluster-secret-cluster-secret-cluster-01' };
const ENV = { COFFER_ROOT_ACCESS_KEY_ID: ROOT_KEY.accessKeyId, COFFER_ROOT_SECRET_ACCESS_KEY: ROOT_KEY.secretAccessKey };
const B = 'shared';

/** Each request on its own connection, so that the cluster hands it to the next worker. */
function freshConnections(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region: 'us-east-1',
    credentials: ROOT_KEY,
    forcePathStyle: true,
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: false }) }),
  });
}

/** The worker process (its pid) that answered a request, from the request's log line. */
async function servedBy(server: RunningServer, requestId: string): Promise<number> {
  const line = await server.waitForLog(new RegExp(`"requestId":"${requestId}"`));
  return (JSON.parse(line) as { pid: number }).pid;
}

function pidsAlive(pids: number[]): number[] {
  return pids.filter((pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  });
}

/** Pids of the processes whose command line is exactly node + `args`. */
function processesRunning(args: string[]): number[] {
  const wanted = [process.execPath, ...args].join('\0') + '\0';
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8') === wanted) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** The child (worker) of `primary` that has a file under `dir` open, from /proc. */
function workerWithOpenFile(primary: number, dir: string): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      if (ppid !== primary) continue;
      for (const fd of readdirSync(`/proc/${entry}/fd`)) {
        if (readlinkSync(`/proc/${entry}/fd/${fd}`).startsWith(dir + '/')) return Number(entry);
      }
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) assert.fail(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function errorOf(p: Promise<unknown>): Promise<S3ServiceException> {
  try {
    await p;
  } catch (e) {
    if (e instanceof S3ServiceException) return e;
    throw e;
  }
  assert.fail('expected an S3 error');
}

describe('coffer server --workers 2', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'coffer-cluster-'));
  let server: RunningServer;
  let s3: S3Client;
  /**
   * GET shared/k on a fresh connection by a fresh client (the SDK corrects its clock after a
   * RequestTimeTooSkewed): its HTTP status (or error code) and the worker that answered.
   */
  const getOnce = async (): Promise<{ outcome: string; pid: number; requestId: string }> => {
    const client = freshConnections(server.endpoint);
    try {
      const out = await client.send(new GetObjectCommand({ Bucket: B, Key: 'k' }));
      await out.Body!.transformToString();
      const requestId = out.$metadata.requestId!;
      return { outcome: String(out.$metadata.httpStatusCode), pid: await servedBy(server, requestId), requestId };
    } catch (e) {
      if (!(e instanceof S3ServiceException)) throw e;
      const requestId = e.$metadata.requestId!;
      return { outcome: e.name, pid: await servedBy(server, requestId), requestId };
    } finally {
      client.destroy();
    }
  };
  const getSeveral = async (n = 6) => {
    const results = [];
    for (let i = 0; i < n; i++) results.push(await getOnce());
    return { outcomes: new Set(results.map((r) => r.outcome)), pids: new Set(results.map((r) => r.pid)), results };
  };

  before(async () => {
    server = await startServer(BIN, dataDir, { env: ENV, args: ['--workers', '2'] });
    s3 = freshConnections(server.endpoint);
    await s3.send(new CreateBucketCommand({ Bucket: B }));
    await s3.send(new PutObjectCommand({ Bucket: B, Key: 'k', Body: 'written once' }));
  });
  after(async () => {
    s3.destroy();
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    removeBuild();
  });

  it('one primary and two workers; requests are spread over both, and all see the same object', async () => {
    const listening = JSON.parse(await server.waitForLog(/coffer is listening/)) as { workers: number; role: string };
    assert.equal(listening.workers, 2);
    assert.equal(listening.role, 'primary');
    const { outcomes, pids } = await getSeveral();
    assert.deepEqual([...outcomes], ['200']);
    assert.equal(pids.size, 2, 'both workers answered');
    assert.ok(!pids.has(server.child.pid!), 'the primary serves nothing itself');
  });

  it('both workers append to the one audit log: coffer explain finds a request whichever worker served it', async () => {
    const { results } = await getSeveral(4);
    assert.equal(new Set(results.map((r) => r.pid)).size, 2);
    for (const { requestId, pid } of results) {
      // Records reach the file within ~20 ms of the response.
      let explained: ReturnType<typeof spawnSync> | undefined;
      await until(() => {
        explained = spawnSync(process.execPath, [BIN, 'explain', requestId, '--data-dir', dataDir, '--json'], { encoding: 'utf8' });
        return explained.status === 0;
      }, `the audit record of ${requestId} (worker ${pid}) is on disk`);
      const record = JSON.parse(String(explained!.stdout)) as { requestId: string; decision: string; operation: string };
      assert.deepEqual([record.requestId, record.operation, record.decision], [requestId, 'GetObject', 'allow']);
    }
  });

  it('a bucket policy stored through one worker is enforced by every worker on the next request', async () => {
    await s3.send(
      new PutBucketPolicyCommand({
        Bucket: B,
        Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${B}/*` }] }),
      }),
    );
    const denied = await getSeveral();
    assert.deepEqual([...denied.outcomes], ['AccessDenied']);
    assert.equal(denied.pids.size, 2);
    await s3.send(new DeleteBucketPolicyCommand({ Bucket: B }));
    assert.deepEqual([...(await getSeveral()).outcomes], ['200']);
  });

  it('coffer admin clock moves the clock of every worker before it answers, and back', async () => {
    const admin = (...args: string[]) =>
      spawnSync(process.execPath, [BIN, 'admin', 'clock', ...args, '--endpoint', server.endpoint], {
        env: { PATH: process.env.PATH ?? '', AWS_ACCESS_KEY_ID: ROOT_KEY.accessKeyId, AWS_SECRET_ACCESS_KEY: ROOT_KEY.secretAccessKey, AWS_REGION: 'us-east-1' },
        encoding: 'utf8',
      });
    const moved = admin('--offset', '+20m');
    assert.equal(moved.status, 0, moved.stderr);
    const logged = JSON.parse(await server.waitForLog(/"method":"PUT","url":"\/\.coffer\/clock"/)) as { principal: string; status: number };
    assert.equal(logged.status, 200);
    assert.match(logged.principal, /^arn:aws:iam::\d{12}:root$/, 'the log names who moved the clock');
    // The SDK signs with the real time: 20 minutes behind every worker's clock now.
    const skewed = await getSeveral();
    assert.deepEqual([...skewed.outcomes], ['RequestTimeTooSkewed']);
    assert.equal(skewed.pids.size, 2);
    const client = freshConnections(server.endpoint);
    const e = await errorOf(client.send(new GetObjectCommand({ Bucket: B, Key: 'k' })));
    client.destroy();
    const serverTime = Date.parse((e as unknown as { ServerTime: string }).ServerTime);
    assert.ok(Math.abs(serverTime - (Date.now() + 20 * 60_000)) < 60_000, `ServerTime ${serverTime} is 20 minutes ahead`);

    const reset = admin('--reset');
    assert.equal(reset.status, 0, reset.stderr);
    assert.deepEqual([...(await getSeveral()).outcomes], ['200']);
  });

  it('a worker that dies is replaced, and the service goes on', async () => {
    const { pids } = await getSeveral(4);
    const [victim] = [...pids];
    process.kill(victim!, 'SIGKILL');
    const died = JSON.parse(await server.waitForLog(/a worker process died/)) as { pid: number; signal: string };
    assert.equal(died.pid, victim);
    assert.equal(died.signal, 'SIGKILL');
    const replacement = JSON.parse(await server.waitForLog(/a replacement worker is listening/)) as { pid: number };
    const after = await getSeveral();
    assert.deepEqual([...after.outcomes], ['200']);
    assert.ok(after.pids.has(replacement.pid), 'the replacement serves');
    assert.ok(!after.pids.has(victim!));
  });

  it('a replacement worker leaves the uploads in progress on the other worker alone', async () => {
    const half = Buffer.alloc(256 * 1024, 'u');
    const upload = await startSlowUpload(server.endpoint, ROOT_KEY, `/${B}/in-flight`, half);
    // The worker writing it is the one holding its temporary file open.
    let writer: number | undefined;
    await until(() => (writer = workerWithOpenFile(server.child.pid!, join(dataDir, 'tmp'))) !== undefined, 'the upload has a temporary file');
    const other = (await getSeveral(4)).pids;
    other.delete(writer!);
    const [victim] = [...other];
    process.kill(victim!, 'SIGKILL');
    await until(() => server.stdout().split('a replacement worker is listening').length === 3, 'the second replacement is listening');
    assert.equal(await upload.finish(half), 200);
    const got = await s3.send(new GetObjectCommand({ Bucket: B, Key: 'in-flight' }));
    assert.equal((await got.Body!.transformToByteArray()).length, 2 * half.length);
  });

  it('SIGTERM: the workers finish and exit, then the primary, with status 0', async () => {
    const { pids } = await getSeveral(4);
    server.child.kill('SIGTERM');
    assert.equal(await server.exited, 0);
    assert.deepEqual(pidsAlive([...pids]), []);
  });

  it('the primary killed: its workers exit too, and the port is free again', async () => {
    const again = await startServer(BIN, dataDir, { env: ENV, args: ['--workers', '2'] });
    const client = freshConnections(again.endpoint);
    const pids = new Set<number>();
    for (let i = 0; i < 4; i++) {
      const out = await client.send(new GetObjectCommand({ Bucket: B, Key: 'k' }));
      assert.equal(await out.Body!.transformToString(), 'written once');
      pids.add(await servedBy(again, out.$metadata.requestId!));
    }
    client.destroy();
    assert.equal(pids.size, 2);
    again.child.kill('SIGKILL');
    await again.exited;
    await until(() => pidsAlive([...pids]).length === 0, 'both workers have exited');
    const port = new URL(again.endpoint).port;
    const third = await startServer(BIN, dataDir, { env: ENV, args: ['--workers', '2', '--port', port] });
    third.child.kill('SIGTERM');
    assert.equal(await third.exited, 0);
  });

  it('a port in use: one clear error, status 1, no worker left behind', async () => {
    const holder = await startServer(BIN, dataDir, { env: ENV, args: ['--workers', '1'] });
    const port = new URL(holder.endpoint).port;
    // (The check below can see processes: it sees this one.)
    assert.equal(processesRunning([BIN, 'server', '--port', '0', '--data-dir', dataDir, '--log-level', 'info', '--workers', '1']).length, 1);
    const clash = spawnSync(process.execPath, [BIN, 'server', '--data-dir', dataDir, '--port', port, '--workers', '2'], { env: { PATH: process.env.PATH ?? '', ...ENV }, encoding: 'utf8', timeout: 20_000 });
    assert.equal(clash.status, 1);
    const lines = clash.stderr.trim().split('\n');
    assert.equal(lines.length, 1, clash.stderr);
    assert.match(lines[0]!, new RegExp(`^coffer server: .*EADDRINUSE.*127\\.0\\.0\\.1:${port}$`));
    await until(() => processesRunning([BIN, 'server', '--data-dir', dataDir, '--port', port, '--workers', '2']).length === 0, 'no worker of the failed start is left');
    holder.child.kill('SIGTERM');
    assert.equal(await holder.exited, 0);
  });
});
