/**
 * `coffer presign`, `coffer inspect --endpoint` and `coffer admin clock` against a running
 * server: what inspect says matches what the server then answers when the URL is fetched —
 * fresh, expired after the clock moves, signed by a key that was deactivated — and URLs made by
 * the aws CLI and botocore are decoded and verified.
 */
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { adminCommand } from '../../src/cli/admin-command.ts';
import { inspectCommand } from '../../src/cli/inspect-command.ts';
import { presignCommand } from '../../src/cli/presign-command.ts';
import { captureIo } from '../../src/cli/testing/capture-io.ts';
import type { Inspection } from '../../src/diagnostics/inspect/inspection.ts';
import { objectUrl } from '../../src/diagnostics/signing/object-url.ts';
import { presignV2 } from '../../src/diagnostics/signing/presign-v2.ts';
import { isoSeconds } from '../../src/lib/dates.ts';
import { missingTool, runTool } from '../interop/run-tool.ts';
import { startTestCoffer, type TestCoffer } from './harness.ts';
import { errorFields } from './raw-request.ts';

const BIN = join(fileURLToPath(import.meta.url), '..', '..', '..', 'bin', 'coffer.mjs');

describe('coffer presign / inspect / admin clock against a running server', () => {
  let t: TestCoffer;
  const rootEnv = () => ({ AWS_ACCESS_KEY_ID: t.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: t.credentials.secretAccessKey });
  const io = (env: Record<string, string> = rootEnv()) => captureIo({ env, now: t.clock.now(), fetch: globalThis.fetch });

  async function presign(args: string[], env?: Record<string, string>): Promise<string> {
    const c = io(env);
    assert.equal(await presignCommand([...args, '--endpoint', t.endpoint], c), 0, c.err());
    return c.out().trim();
  }
  async function inspect(args: string[], env?: Record<string, string>): Promise<{ code: number; json: Inspection; err: string }> {
    const c = io(env);
    const code = await inspectCommand([...args, '--endpoint', t.endpoint, '--json'], c);
    return { code, json: JSON.parse(c.out()) as Inspection, err: c.err() };
  }

  before(async () => {
    t = await startTestCoffer();
    await t.s3().send(new CreateBucketCommand({ Bucket: 'inspect' }));
    await t.s3().send(new PutObjectCommand({ Bucket: 'inspect', Key: 'a b/ü.txt', Body: 'hello' }));
  });
  after(() => t.stop());

  it('a fresh URL: inspect says it works, and it does', async () => {
    const url = await presign(['s3://inspect/a b/ü.txt', '--expires-in', '10m']);
    assert.match(url, new RegExp(`^${t.endpoint}/inspect/a%20b/%C3%BC\\.txt\\?X-Amz-Algorithm=`));
    const { code, json, err } = await inspect([url]);
    assert.deepEqual([code, err], [0, '']);
    assert.deepEqual(json.verdict, { outcome: 'accepted' });
    assert.equal(json.signatureCheck?.matches, true);
    assert.deepEqual(json.server?.outcome, { accepted: true, principal: `arn:aws:iam::${t.coffer.account.accountId}:root`, scheme: 'v4-query' });
    assert.deepEqual(json.server?.accessKey, { id: t.credentials.accessKeyId, status: 'active', temporary: false });
    assert.equal(json.server?.disclosure, 'account-root');
    assert.equal(json.server?.expiry.decidedBy, 'url');
    const res = await fetch(url);
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'hello');
  });

  it('after the clock moves past expiry: inspect says expired and why, and the fetch fails with that very error', async () => {
    const url = await presign(['s3://inspect/a b/ü.txt', '--expires-in', '60']);
    // X-Amz-Date drops the signing time's milliseconds: 120 s later is 60–61 s past the expiry.
    t.clock.advance(120_000);
    try {
      const { code, json } = await inspect([url]);
      assert.equal(code, 1);
      assert.equal(json.verdict.outcome, 'refused');
      assert.equal(json.verdict.outcome === 'refused' && json.verdict.finding, 'expired');
      assert.match(json.verdict.outcome === 'refused' ? json.verdict.explanation : '', /^Expired at .* \(X-Amz-Date .* \+ X-Amz-Expires 60s\), 1 minute (1 second )?ago\.$/);
      const server = json.server!;
      assert.equal(server.outcome.accepted, false);
      const error = !server.outcome.accepted ? server.outcome.error : undefined;
      assert.deepEqual([error?.status, error?.code, error?.message], [403, 'AccessDenied', 'Request has expired']);

      const res = await fetch(url);
      assert.equal(res.status, 403);
      const fields = Object.fromEntries(errorFields(await res.text()));
      assert.deepEqual([fields.Code, fields.Message, fields['X-Amz-Expires'], fields.Expires], [error?.code, error?.message, error?.fields['X-Amz-Expires'], error?.fields.Expires]);
      assert.equal(fields.Expires, json.expiresAt);
    } finally {
      t.clock.advance(-120_000);
    }
  });

  it('a key deactivated after signing: the server says inactive (to the account root), and the fetch fails with InvalidAccessKeyId', async () => {
    const key = await t.coffer.identity.createAccessKey({ accountId: t.coffer.account.accountId });
    const env = { AWS_ACCESS_KEY_ID: key.accessKeyId, AWS_SECRET_ACCESS_KEY: key.secretAccessKey };
    const url = await presign(['s3://inspect/a b/ü.txt'], env);
    assert.equal((await fetch(url)).status, 200);
    await t.coffer.identity.setAccessKeyStatus(key.accessKeyId, 'Inactive');

    const asRoot = await inspect([url, '--secret', key.secretAccessKey]);
    assert.equal(asRoot.code, 1);
    assert.deepEqual(asRoot.json.server?.accessKey, { id: key.accessKeyId, status: 'inactive', temporary: false });
    const refusal = asRoot.json.server?.outcome.accepted === false ? asRoot.json.server.outcome.error : undefined;
    assert.equal(refusal?.code, 'InvalidAccessKeyId');
    // Offline, the URL itself is fine: only the server knows about the key.
    assert.deepEqual(asRoot.json.verdict, { outcome: 'accepted' });

    // Unsigned, the server tells no more than the URL itself would: InvalidAccessKeyId either way.
    const anonymous = await inspect([url], {});
    assert.deepEqual(anonymous.json.server?.accessKey, { id: key.accessKeyId, status: 'unknown', temporary: false });
    assert.equal(anonymous.json.server?.disclosure, 'request');

    const res = await fetch(url);
    assert.equal(res.status, 403);
    assert.deepEqual(errorFields(await res.text()).slice(0, 3), [
      ['Code', 'InvalidAccessKeyId'],
      ['Message', 'The AWS Access Key Id you provided does not exist in our records.'],
      ['AWSAccessKeyId', key.accessKeyId],
    ]);
  });

  it('temporary credentials: the URL works until the session ends, and the server says when', async () => {
    const accountId = t.coffer.account.accountId;
    await t.coffer.identity.iam.users.create({ accountId, userName: 'inspector', path: '/' });
    const key = await t.coffer.identity.iam.accessKeys.create(accountId, 'inspector');
    const sts = new STSClient({ endpoint: t.endpoint, region: 'us-east-1', maxAttempts: 1, credentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey } });
    const issued = (await sts.send(new GetSessionTokenCommand({ DurationSeconds: 900 }))).Credentials!;
    sts.destroy();
    const env = { AWS_ACCESS_KEY_ID: issued.AccessKeyId!, AWS_SECRET_ACCESS_KEY: issued.SecretAccessKey!, AWS_SESSION_TOKEN: issued.SessionToken! };

    const c = io(env);
    assert.equal(await presignCommand(['s3://inspect/a b/ü.txt', '--expires-in', '1h', '--endpoint', t.endpoint], c), 0);
    assert.match(c.err(), /note: signed with temporary credentials \(environment\)/);
    const url = c.out().trim();
    assert.match(url, /&X-Amz-Security-Token=/);

    const { json } = await inspect([url], env);
    assert.deepEqual([json.credentialType, json.sessionToken, json.findings.map((f) => f.id)], ['temporary', issued.SessionToken, ['temporary-credentials']]);
    assert.equal(json.server?.outcome.accepted, true);
    const session = isoSeconds(issued.Expiration!.getTime());
    assert.deepEqual(json.server?.accessKey, { id: issued.AccessKeyId, status: 'active', temporary: true, expiresAt: session });
    assert.deepEqual([json.server?.expiry.credential, json.server?.expiry.effective, json.server?.expiry.decidedBy], [session, session, 'credential']);

    t.clock.advance(901_000);
    try {
      // The session signs the inspect call too: refused, so inspect asks again unsigned.
      const late = await inspect([url], env);
      assert.match(late.err, /refused your credentials \(environment: ExpiredToken\); asking without them/);
      assert.equal(late.json.server?.disclosure, 'request');
      const error = late.json.server?.outcome.accepted === false ? late.json.server.outcome.error : undefined;
      assert.deepEqual([error?.status, error?.code], [400, 'ExpiredToken']);
      assert.equal(late.json.server?.accessKey?.problem, 'token-expired');
      const res = await fetch(url);
      assert.equal(res.status, 400);
      assert.equal(Object.fromEntries(errorFields(await res.text())).Code, 'ExpiredToken');
    } finally {
      t.clock.advance(-901_000);
    }
  });

  it('coffer admin clock moves the server clock so that a presigned URL fails, and back', async () => {
    const url = await presign(['s3://inspect/a b/ü.txt', '--expires-in', '10m']);
    const moved = io();
    assert.equal(await adminCommand(['clock', '--offset', '+20m', '--endpoint', t.endpoint], moved), 0, moved.err());
    assert.match(moved.out(), /^server clock moved: \S+ \(offset \+20m: 20 minutes ahead of real time\)\n$/);
    try {
      const res = await fetch(url);
      assert.equal(res.status, 403);
      assert.equal(Object.fromEntries(errorFields(await res.text())).Message, 'Request has expired');
      const { json } = await inspect([url]);
      assert.deepEqual(json.server?.clock.offset, '+20m');
      assert.equal(json.verdict.outcome === 'refused' && json.verdict.finding, 'expired');
      // Reading the clock back: the call is signed with the real time, 20 minutes behind the
      // server's; the command corrects for that as the SDKs do.
      const shown = io();
      assert.equal(await adminCommand(['clock', '--endpoint', t.endpoint], shown), 0, shown.err());
      assert.match(shown.out(), /offset \+20m/);
    } finally {
      const reset = io();
      assert.equal(await adminCommand(['clock', '--reset', '--endpoint', t.endpoint], reset), 0, reset.err());
    }
    assert.equal((await fetch(url)).status, 200);
  });

  it('the clock is an account root’s: unsigned calls are refused', async () => {
    const res = await fetch(`${t.endpoint}/.coffer/clock`, { method: 'PUT', body: '{"offset":"+1h"}' });
    assert.equal(res.status, 403);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'AccessDenied');
  });

  it('SigV2: a presign --v2 URL works, and inspect agrees', async () => {
    const url = await presign(['s3://inspect/a b/ü.txt', '--v2', '--expires-in', '5m']);
    assert.match(url, /\?AWSAccessKeyId=AKIACOFFERTESTROOT01&Expires=\d+&Signature=/);
    assert.equal((await fetch(url)).status, 200);
    const { code, json } = await inspect([url]);
    assert.equal(code, 0);
    assert.deepEqual([json.scheme, json.verdict.outcome, json.signatureCheck?.matches, json.server?.outcome.accepted], ['sigv2-query', 'accepted', true, true]);
  });

  it('bin/coffer.mjs: presign prints a URL that fetch can use; inspect exits 0 for it', async () => {
    const env = { ...rootEnv(), PATH: process.env.PATH ?? '' };
    const presigned = await runTool(process.execPath, [BIN, 'presign', 's3://inspect/a b/ü.txt', '--endpoint', t.endpoint], { env });
    assert.equal(presigned.code, 0, presigned.stderr);
    const url = presigned.stdout.trim();
    assert.equal((await fetch(url)).status, 200);
    const inspected = await runTool(process.execPath, [BIN, 'inspect', url, '--endpoint', t.endpoint], { env });
    assert.equal(inspected.code, 0, inspected.stderr);
    assert.match(inspected.stdout, /✓ Accepted/);
    assert.match(inspected.stdout, /outcome +accepted \(v4-query/);
  });
});

const AWS = '/usr/bin/aws';
const PYTHON = '/usr/bin/python3';

describe('URLs presigned by the aws CLI, fed to coffer inspect', { skip: missingTool(AWS, 'awscli') }, () => {
  let t: TestCoffer;
  const env = () => ({
    AWS_ACCESS_KEY_ID: t.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: t.credentials.secretAccessKey,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  });
  before(async () => {
    t = await startTestCoffer();
    await t.s3().send(new CreateBucketCommand({ Bucket: 'cli-presign' }));
    await t.s3().send(new PutObjectCommand({ Bucket: 'cli-presign', Key: 'dir/file name.txt', Body: 'from aws' }));
  });
  after(() => t.stop());

  it('aws s3 presign for AWS itself: decoded, region matches the host, signature verified offline', async () => {
    const r = await runTool(AWS, ['s3', 'presign', 's3://my-photos/dir/cat pic.jpg', '--expires-in', '600', '--region', 'eu-west-1'], { env: env() });
    assert.equal(r.code, 0, r.stderr);
    const url = r.stdout.trim();
    const c = captureIo({ env: env(), fetch: globalThis.fetch });
    assert.equal(await inspectCommand([url, '--json'], c), 0, c.err() + c.out());
    const json = JSON.parse(c.out()) as Inspection;
    assert.equal(json.scheme, 'sigv4-query');
    assert.equal(json.accessKeyId, t.credentials.accessKeyId);
    assert.equal(json.expiresSeconds, 600);
    assert.equal(json.scope?.region, 'eu-west-1');
    assert.equal(json.endpoint.region, 'eu-west-1');
    assert.equal(json.endpoint.bucket, 'my-photos');
    assert.equal(json.endpoint.key, 'dir/cat pic.jpg');
    assert.deepEqual(json.verdict, { outcome: 'accepted' });
    assert.equal(json.signatureCheck?.secretSource, 'environment');
    assert.equal(json.signatureCheck?.matches, true);
  });

  it('aws s3 presign against Coffer: the server agrees, and the URL works', async () => {
    const r = await runTool(AWS, ['--endpoint-url', t.endpoint, 's3', 'presign', 's3://cli-presign/dir/file name.txt', '--region', 'us-east-1'], { env: env() });
    assert.equal(r.code, 0, r.stderr);
    const url = r.stdout.trim();
    const c = captureIo({ env: env(), fetch: globalThis.fetch });
    assert.equal(await inspectCommand([url, '--endpoint', t.endpoint, '--json'], c), 0, c.err());
    const json = JSON.parse(c.out()) as Inspection;
    assert.equal(json.expiresSeconds, 3600);
    assert.equal(json.server?.outcome.accepted, true);
    assert.equal((await fetch(url)).status, 200);
  });

  it('botocore’s SigV2 presigned URL: coffer signs it identically, and the server accepts it', { skip: missingTool(PYTHON, 'python3-boto3') }, async () => {
    const script = `
import boto3, os
from botocore.config import Config
s3 = boto3.client('s3', region_name='us-east-1', endpoint_url=os.environ['ENDPOINT'], aws_access_key_id=os.environ['AWS_ACCESS_KEY_ID'], aws_secret_access_key=os.environ['AWS_SECRET_ACCESS_KEY'], config=Config(signature_version='s3', s3={'addressing_style': 'path'}))
print(s3.generate_presigned_url('get_object', Params={'Bucket': 'cli-presign', 'Key': 'dir/file name.txt'}, ExpiresIn=600))
`;
    const r = await runTool(PYTHON, ['-c', script], { env: { ...env(), ENDPOINT: t.endpoint } });
    assert.equal(r.code, 0, r.stderr);
    const url = new URL(r.stdout.trim());
    const expires = Number(url.searchParams.get('Expires'));
    const target = objectUrl({ bucket: 'cli-presign', key: 'dir/file name.txt', region: 'us-east-1', endpoint: t.endpoint });
    const ours = presignV2({ method: 'GET', origin: target.origin, rawPath: target.rawPath, addressing: 'path', bucket: 'cli-presign', credentials: t.credentials, expiresAt: expires * 1000 });
    assert.equal(new URL(ours.url).searchParams.get('Signature'), url.searchParams.get('Signature'));
    const c = captureIo({ env: env(), fetch: globalThis.fetch });
    assert.equal(await inspectCommand([r.stdout.trim(), '--endpoint', t.endpoint, '--json'], c), 0, c.err());
    const json = JSON.parse(c.out()) as Inspection;
    assert.deepEqual([json.scheme, json.signatureCheck?.matches, json.server?.outcome.accepted], ['sigv2-query', true, true]);
  });
});
