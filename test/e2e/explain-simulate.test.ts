/**
 * Every decision recorded and explained (issue 4), end to end: real SDK requests against a
 * server started with --explain-denials — an allowed GET, a presigned URL denied by a bucket
 * policy on s3:signatureAge when used 11 minutes later, a user with no policy, an expired
 * presigned URL — then `coffer explain <x-amz-request-id>` prints why, and `coffer simulate`
 * for the same principal, action, resource and context reaches the server's decision. The
 * audit log holds no secret, signature or session token.
 */
import { CreateAccessKeyCommand, CreateUserCommand, DeleteUserPolicyCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, GetObjectCommand, PutBucketPolicyCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { explainCommand } from '../../src/cli/explain-command.ts';
import { simulateCommand } from '../../src/cli/simulate-command.ts';
import { captureIo } from '../../src/cli/testing/capture-io.ts';
import type { AuditRecord } from '../../src/diagnostics/audit/audit-record.ts';
import type { Simulation } from '../../src/diagnostics/simulate/simulate.ts';
import { startTestCoffer, type TestCoffer } from './harness.ts';

const BIN = join(fileURLToPath(import.meta.url), '..', '..', '..', 'bin', 'coffer.mjs');
const B = 'explained';
const KEY = 'cat.jpg';
const OBJECT = `arn:aws:s3:::${B}/${KEY}`;

/** `coffer <args>` in its own process, as a user runs it. */
function coffer(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('coffer explain and coffer simulate agree with the server', () => {
  let t: TestCoffer;
  let s3: S3Client;
  let iam: IAMClient;
  let accountId: string;
  let nobody: { accessKeyId: string; secretAccessKey: string; arn: string };
  const clients: Array<{ destroy(): void }> = [];

  /** The command run in this process with captured output (the record must be on disk first). */
  const explain = async (requestId: string, ...flags: string[]) => {
    await t.coffer.audit.flush();
    const io = captureIo({ env: {} });
    const code = await explainCommand([requestId, '--data-dir', t.dataDir, ...flags], io);
    return { code, out: io.out(), err: io.err() };
  };
  const record = async (requestId: string): Promise<AuditRecord> => {
    const { code, out, err } = await explain(requestId, '--json');
    assert.equal(code, 0, err);
    return JSON.parse(out) as AuditRecord;
  };
  const simulate = async (principal: string, context: string[] = []) => {
    const io = captureIo({ env: {} });
    const args = ['--principal', principal, '--action', 's3:GetObject', '--resource', OBJECT, '--data-dir', t.dataDir, '--json'];
    const code = await simulateCommand([...args, ...context.flatMap((c) => ['--context', c])], io);
    assert.equal(io.err(), '');
    return { code, simulation: JSON.parse(io.out()) as Simulation };
  };
  const requestIdOf = (e: unknown) => (e as { $metadata?: { requestId?: string } }).$metadata?.requestId ?? assert.fail(`no request id on ${String(e)}`);
  const rejection = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      return e;
    }
    return assert.fail('expected the request to be refused');
  };

  before(async () => {
    t = await startTestCoffer({ config: { explainDenials: true } });
    s3 = t.s3();
    accountId = t.coffer.account.accountId;
    await s3.send(new CreateBucketCommand({ Bucket: B }));
    await s3.send(new PutObjectCommand({ Bucket: B, Key: KEY, Body: 'meow' }));
    const policy = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DenyOldLinks',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: `arn:aws:s3:::${B}/*`,
          Condition: { NumericGreaterThan: { 's3:signatureAge': '600000' } },
        },
      ],
    };
    await s3.send(new PutBucketPolicyCommand({ Bucket: B, Policy: JSON.stringify(policy) }));
    iam = new IAMClient({ endpoint: t.endpoint, region: 'us-east-1', credentials: t.credentials, maxAttempts: 1 });
    const { User } = await iam.send(new CreateUserCommand({ UserName: 'nobody' }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'nobody' }));
    nobody = { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey!, arn: User!.Arn! };
  });
  after(async () => {
    iam.destroy();
    for (const c of clients) c.destroy();
    await t.stop();
  });

  it('an allowed GET: explain says what allowed it; simulate allows it for the same reason', async () => {
    const got = await s3.send(new GetObjectCommand({ Bucket: B, Key: KEY }));
    assert.equal(await got.Body!.transformToString(), 'meow');
    const id = got.$metadata.requestId!;
    const { code, out } = await explain(id);
    assert.equal(code, 0);
    assert.match(out, /^✓ Allowed\n/);
    assert.ok(out.includes(`why: allowed: arn:aws:iam::${accountId}:root is the root user of its account, ${accountId}, which owns the resource`), out);
    assert.ok(out.includes(`what         s3:GetObject on ${OBJECT}`), out);
    assert.ok(out.includes(`access key   ${t.credentials.accessKeyId}`), out);

    const r = await record(id);
    assert.equal(r.decision, 'allow');
    assert.equal(r.principal, `arn:aws:iam::${accountId}:root`);
    assert.equal(r.status, 200);
    const sim = await simulate(`arn:aws:iam::${accountId}:root`);
    assert.equal(sim.code, 0);
    assert.deepEqual([sim.simulation.decision, sim.simulation.reason], [r.decision, r.reason], 'simulate and the server agree');
  });

  it('a presigned URL used 11 minutes after signing: denied by DenyOldLinks on s3:signatureAge; simulate agrees', async () => {
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: B, Key: KEY }), { expiresIn: 3600 });
    t.clock.advance(11 * 60_000);
    let res: Response;
    try {
      res = await fetch(url);
    } finally {
      t.clock.advance(-11 * 60_000);
    }
    assert.equal(res.status, 403);
    await res.text();
    const id = res.headers.get('x-amz-request-id')!;
    assert.match(res.headers.get('x-coffer-denial-reason') ?? '', /^denied: statement 'DenyOldLinks' in the bucket policy of 'explained' matched: s3:signatureAge 6\d{5} > 600000$/);

    const { out } = await explain(id);
    assert.match(out, /^✗ Denied: an explicit Deny matched\n/);
    assert.match(out, /why: denied: statement 'DenyOldLinks' in the bucket policy of 'explained' matched: s3:signatureAge 6\d{5} > 600000\n/);
    assert.match(out, /signed       presigned URL, Signature Version 4, signed at .*X-Amz-Expires 3600 s/);
    assert.match(out, /✗ Deny: statement 'DenyOldLinks' in the bucket policy of 'explained' \(Statement\[0\]\)\n\s+● held: s3:signatureAge 6\d{5} > 600000 \(NumericGreaterThan\)/);

    const r = await record(id);
    assert.equal(r.decision, 'explicit-deny');
    assert.equal(r.deniedBy, 'resource-based');
    const age = r.statements![0]!.conditions[0]!.requestValue as string;
    assert.ok(Number(age) >= 660_000 && Number(age) < 670_000, age);
    // The same principal, action, resource and condition keys, decided offline.
    const sim = await simulate(`arn:aws:iam::${accountId}:root`, [`s3:signatureAge=${age}`, 's3:authType=REST-QUERY-STRING']);
    assert.equal(sim.code, 1);
    assert.deepEqual([sim.simulation.decision, sim.simulation.reason], [r.decision, r.reason], 'simulate and the server agree');
    assert.deepEqual(sim.simulation.statements, r.statements);
    // A fresher signature is not denied.
    assert.equal((await simulate(`arn:aws:iam::${accountId}:root`, ['s3:signatureAge=599000'])).simulation.decision, 'allow');
  });

  it('a user with no policy: implicitly denied, and explain and simulate say no identity-based policy allows it', async () => {
    const client = t.s3({ credentials: { accessKeyId: nobody.accessKeyId, secretAccessKey: nobody.secretAccessKey } });
    clients.push(client);
    const e = await rejection(client.send(new GetObjectCommand({ Bucket: B, Key: KEY })));
    assert.equal((e as Error).name, 'AccessDenied');
    const id = requestIdOf(e);
    const reason = `denied: no identity-based policy allows s3:GetObject on ${OBJECT}`;
    const { out } = await explain(id);
    assert.match(out, /^✗ Denied: nothing allowed it \(implicit deny\)\n/);
    assert.ok(out.includes(`why: ${reason}\n`), out);
    assert.ok(out.includes(`who          ${nobody.arn} (IAM user of account ${accountId})`), out);
    assert.ok(out.includes(`answer       403 AccessDenied: User: ${nobody.arn} is not authorized to perform: s3:GetObject on resource: "${OBJECT}" because no identity-based policy allows the s3:GetObject action`), out);

    const r = await record(id);
    assert.deepEqual([r.decision, r.reason, r.accessKeyId], ['implicit-deny', reason, nobody.accessKeyId]);
    const sim = await simulate(nobody.arn);
    assert.equal(sim.code, 1);
    assert.deepEqual([sim.simulation.decision, sim.simulation.reason, sim.simulation.message], [r.decision, r.reason, r.error?.message], 'simulate and the server agree');
  });

  it('simulate --request asks a recorded request again over the policies stored now: denied then, allowed after a policy is attached', async () => {
    const client = t.s3({ credentials: { accessKeyId: nobody.accessKeyId, secretAccessKey: nobody.secretAccessKey } });
    clients.push(client);
    const id = requestIdOf(await rejection(client.send(new GetObjectCommand({ Bucket: B, Key: KEY, Range: 'bytes=0-1' }))));
    await t.coffer.audit.flush();
    const replay = async (...flags: string[]) => {
      const io = captureIo({ env: {} });
      const code = await simulateCommand(['--request', id, '--data-dir', t.dataDir, '--json', ...flags], io);
      assert.equal(io.err(), '');
      return { code, simulation: JSON.parse(io.out()) as Simulation };
    };
    const before = await replay();
    assert.equal(before.code, 1);
    assert.deepEqual(
      [before.simulation.principal, before.simulation.action, before.simulation.resource, before.simulation.decision],
      [nobody.arn, 's3:GetObject', OBJECT, 'implicit-deny'],
    );
    // The recorded request's own facts: when, from where, how it was signed.
    const r = await record(id);
    assert.equal(before.simulation.time, r.time);
    assert.equal(before.simulation.context['aws:SourceIp'], '127.0.0.1');
    assert.equal(before.simulation.context['s3:authType'], 'REST-HEADER');
    // The SDK signs a GET's empty body by its hash.
    assert.equal(before.simulation.context['s3:x-amz-content-sha256'], 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');

    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'nobody',
        PolicyName: 'read-from-the-office',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: OBJECT, Condition: { IpAddress: { 'aws:SourceIp': '127.0.0.0/8' } } }],
        }),
      }),
    );
    try {
      const after = await replay();
      assert.equal(after.code, 0);
      assert.equal(after.simulation.decision, 'allow');
      assert.deepEqual((after.simulation.statements ?? []).map((st) => st.policyName), ['nobody/read-from-the-office']);
      // A --context flag overrides what was recorded.
      const elsewhere = await replay('--context', 'aws:SourceIp=203.0.113.7');
      assert.deepEqual([elsewhere.code, elsewhere.simulation.decision], [1, 'implicit-deny']);
    } finally {
      await iam.send(new DeleteUserPolicyCommand({ UserName: 'nobody', PolicyName: 'read-from-the-office' }));
    }
  });

  it('simulate --request of an unknown request id: the same message as explain, exit 1', async () => {
    const io = captureIo({ env: {} });
    assert.equal(await simulateCommand(['--request', 'NOSUCHREQUEST000', '--data-dir', t.dataDir], io), 1);
    assert.match(io.err(), /^coffer simulate: request NOSUCHREQUEST000 is not in the audit log/);
  });

  it('an expired presigned URL: refused by authentication; explain gives the times; simulate shows no policy refuses it', async () => {
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: B, Key: KEY }), { expiresIn: 60 });
    const amzDate = /X-Amz-Date=(\d{8}T\d{6}Z)/.exec(url)![1]!;
    t.clock.advance(61_000);
    let res: Response;
    try {
      res = await fetch(url);
    } finally {
      t.clock.advance(-61_000);
    }
    assert.equal(res.status, 403);
    const body = await res.text();
    const expires = /<Expires>([^<]+)<\/Expires>/.exec(body)![1]!;
    const serverTime = /<ServerTime>([^<]+)<\/ServerTime>/.exec(body)![1]!;
    const id = res.headers.get('x-amz-request-id')!;
    const signedAt = `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}.000Z`;
    const why = `the presigned URL expired at ${expires} (X-Amz-Date ${signedAt} + X-Amz-Expires 60 s); the server clock read ${serverTime}`;
    assert.ok(res.headers.get('x-coffer-denial-reason')?.startsWith(why), res.headers.get('x-coffer-denial-reason') ?? '(none)');

    const { out } = await explain(id);
    assert.match(out, /^✗ Refused before authorization: authentication failed \(AccessDenied\)\n/);
    assert.ok(out.includes(`why: ${why}`), out);
    assert.ok(out.includes('answer       403 AccessDenied: Request has expired'), out);
    const r = await record(id);
    assert.equal(r.decision, 'not-authorized-because-authentication-failed');
    assert.deepEqual(r.error?.fields, { 'X-Amz-Expires': '60', Expires: expires, ServerTime: serverTime });
    // The policies would have allowed it: the refusal is authentication's, not a policy's.
    const sim = await simulate(`arn:aws:iam::${accountId}:root`, ['s3:authType=REST-QUERY-STRING']);
    assert.equal(sim.simulation.decision, 'allow');
  });

  it('an unknown request id: a clear message, exit 1', async () => {
    const { code, out, err } = await explain('NOSUCHREQUEST000');
    assert.equal(code, 1);
    assert.equal(out, '');
    assert.match(err, /^coffer explain: request NOSUCHREQUEST000 is not in the audit log \(.*audit, 1 file, audit-\d{4}-\d\d-\d\d\.jsonl to audit-\d{4}-\d\d-\d\d\.jsonl\)/);
  });

  it('bin/coffer.mjs explain and simulate, in their own processes', async () => {
    const got = await t.s3({ credentials: { accessKeyId: nobody.accessKeyId, secretAccessKey: nobody.secretAccessKey } }).send(new GetObjectCommand({ Bucket: B, Key: KEY })).catch((e: unknown) => e);
    const id = requestIdOf(got);
    await t.coffer.audit.flush();
    const [explained, simulated, missing] = await Promise.all([
      coffer(['explain', id, '--data-dir', t.dataDir]),
      coffer(['simulate', '--principal', nobody.arn, '--action', 's3:GetObject', '--resource', OBJECT, '--data-dir', t.dataDir]),
      coffer(['explain', 'NOSUCHREQUEST000', '--data-dir', t.dataDir]),
    ]);
    assert.equal(explained.code, 0, explained.stderr);
    assert.ok(explained.stdout.includes(`why: denied: no identity-based policy allows s3:GetObject on ${OBJECT}\n`), explained.stdout);
    assert.equal(simulated.code, 1, simulated.stderr);
    assert.match(simulated.stdout, /^✗ Denied \(simulated\): nothing allowed it \(implicit deny\)\n/);
    assert.ok(simulated.stdout.includes(`why: denied: no identity-based policy allows s3:GetObject on ${OBJECT}\n`), simulated.stdout);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /is not in the audit log/);
  });

  it('writes no secret key, signature or session token to the audit log', async () => {
    const signatures: string[] = [];
    const user = t.s3({ credentials: { accessKeyId: nobody.accessKeyId, secretAccessKey: nobody.secretAccessKey } });
    clients.push(user);
    user.middlewareStack.add(
      (next) => async (args) => {
        const auth = (args.request as { headers: Record<string, string> }).headers.authorization ?? '';
        signatures.push(/Signature=([0-9a-f]{64})/.exec(auth)?.[1] ?? assert.fail(`no signature in ${auth}`));
        return next(args);
      },
      { step: 'finalizeRequest', name: 'captureSignature', priority: 'low' },
    );
    await user.send(new GetObjectCommand({ Bucket: B, Key: KEY })).catch(() => undefined);
    // A wrong secret: SignatureDoesNotMatch, whose error document carries the signature and canonical request.
    const wrong = t.s3({ credentials: { accessKeyId: nobody.accessKeyId, secretAccessKey: 'not-the-secret-at-all-0000000000000000000' } });
    clients.push(wrong);
    await wrong.send(new GetObjectCommand({ Bucket: B, Key: KEY })).catch(() => undefined);

    const sts = new STSClient({ endpoint: t.endpoint, region: 'us-east-1', credentials: t.credentials, maxAttempts: 1 });
    clients.push(sts);
    const { Credentials, $metadata } = await sts.send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
    // STS answers with its own x-amzn-RequestId, the id its SDK reports: explain finds the call by it.
    const stsCall = await record($metadata.requestId!);
    assert.deepEqual([stsCall.queryRequestId, stsCall.principal, stsCall.status, stsCall.decision], [$metadata.requestId, `arn:aws:iam::${accountId}:root`, 200, 'not-evaluated']);
    const session = { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken! };
    const sessionClient = t.s3({ credentials: session });
    clients.push(sessionClient);
    const url = await getSignedUrl(sessionClient, new GetObjectCommand({ Bucket: B, Key: KEY }), { expiresIn: 3600 });
    assert.match(url, /X-Amz-Security-Token=/);
    assert.equal((await fetch(url)).status, 200);
    signatures.push(new URL(url).searchParams.get('X-Amz-Signature')!);
    // Once the session has ended: ExpiredToken, whose error document carries the token as Token-0.
    t.clock.advance(901_000);
    try {
      const expired = await fetch(url);
      assert.equal(expired.status, 400);
      assert.match(await expired.text(), /<Code>ExpiredToken<\/Code>/);
    } finally {
      t.clock.advance(-901_000);
    }

    await t.coffer.audit.flush();
    const dir = join(t.dataDir, 'audit');
    const text = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')).join('');
    const records = text.trim().split('\n').map((l) => JSON.parse(l) as AuditRecord);
    assert.ok(records.some((r) => r.accessKeyId === session.accessKeyId && r.temporaryCredentials === true && r.error?.code === 'ExpiredToken'));
    assert.ok(records.some((r) => r.error?.code === 'SignatureDoesNotMatch' && r.accessKeyId === nobody.accessKeyId));
    const secrets = {
      'root secret': t.credentials.secretAccessKey,
      'user secret': nobody.secretAccessKey,
      'session secret': session.secretAccessKey,
      'session token': session.sessionToken,
      'URL-encoded session token': encodeURIComponent(session.sessionToken),
      ...Object.fromEntries(signatures.map((s, i) => [`signature ${i}`, s])),
    };
    for (const [what, value] of Object.entries(secrets)) assert.ok(!text.includes(value), `the ${what} is in the audit log`);
    assert.doesNotMatch(text, /X-Amz-Signature|X-Amz-Security-Token|Token-0|SignatureProvided|CanonicalRequest|Authorization/i);
  });
});
