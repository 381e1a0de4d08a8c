/**
 * `coffer admin account …` and `coffer admin public-access-block …` as a user runs them: the
 * real command, in its own process, on the data directory of a server that is running. The
 * printed credentials work against that server at once, each account sees only its buckets,
 * deletion is refused while it would orphan something, and account-level Block Public Access
 * set from the command line is what the server reads.
 */
import { CreateBucketCommand, DeleteBucketCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assertS3Error } from './assert-s3-error.ts';
import { startTestCoffer, type TestCoffer } from './harness.ts';

const BIN = join(fileURLToPath(import.meta.url), '..', '..', '..', 'bin', 'coffer.mjs');

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `coffer <args>` in a child process, with no COFFER_* or AWS_* variables from this one. */
function coffer(args: string[], env: Record<string, string> = {}): Promise<Ran> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function credentialsIn(output: string): { accessKeyId: string; secretAccessKey: string } {
  const accessKeyId = /^ {2}export AWS_ACCESS_KEY_ID=(AKIA[A-Z2-7]{16})$/m.exec(output)?.[1];
  const secretAccessKey = /^ {2}export AWS_SECRET_ACCESS_KEY=(\S{40})$/m.exec(output)?.[1];
  assert.ok(accessKeyId && secretAccessKey, `credentials in:\n${output}`);
  return { accessKeyId, secretAccessKey };
}

describe('coffer admin account / public-access-block beside a running server', () => {
  let t: TestCoffer;
  let dataDir: string;
  let alice: { accountId: string; canonicalId: string; credentials: { accessKeyId: string; secretAccessKey: string } };
  let bob: { accountId: string; canonicalId: string; accessKeyId: string; secretAccessKey: string };
  const clients: S3Client[] = [];
  const s3As = (credentials: { accessKeyId: string; secretAccessKey: string }) => {
    const client = t.s3({ credentials });
    clients.push(client);
    return client;
  };
  const admin = (...args: string[]) => coffer(['admin', ...args, '--data-dir', dataDir]);

  before(async () => {
    t = await startTestCoffer();
    dataDir = t.dataDir;
  });
  after(async () => {
    for (const c of clients) c.destroy();
    await t.stop();
  });

  it('create prints the ids and root credentials once; they work against the running server', async () => {
    const [a, b] = await Promise.all([
      admin('account', 'create', '--name', 'Alice', '--email', 'alice@example.com', '--endpoint', t.endpoint),
      admin('account', 'create', '--name', 'Bob', '--email', 'bob@example.com', '--json'),
    ]);
    assert.equal(a.code, 0, a.stderr);
    const [, accountId, canonicalId] = /^Created account (\d{12}) \(Alice, alice@example\.com\)\n {2}canonical id: ([0-9a-f]{64})\n/.exec(a.stdout) ?? [];
    assert.ok(accountId && canonicalId, a.stdout);
    assert.match(a.stdout, new RegExp(`^  export AWS_REGION=us-east-1\n  export AWS_ENDPOINT_URL=${t.endpoint}$`, 'm'));
    assert.match(a.stdout, new RegExp(`aws --profile coffer-alice --endpoint-url ${t.endpoint} s3 ls`));
    alice = { accountId, canonicalId, credentials: credentialsIn(a.stdout) };
    assert.equal(b.code, 0, b.stderr);
    bob = JSON.parse(b.stdout);

    const aliceS3 = s3As(alice.credentials);
    await aliceS3.send(new CreateBucketCommand({ Bucket: 'alice-photos' }));
    await t.s3().send(new CreateBucketCommand({ Bucket: 'root-things' }));
    const mine = await aliceS3.send(new ListBucketsCommand({}));
    assert.deepEqual(mine.Buckets?.map((x) => x.Name), ['alice-photos']);
    assert.equal(mine.Owner?.ID, alice.canonicalId);
    assert.deepEqual((await t.s3().send(new ListBucketsCommand({}))).Buckets?.map((x) => x.Name), ['root-things']);
    const bobs = await s3As(bob).send(new ListBucketsCommand({}));
    assert.deepEqual(bobs.Buckets ?? [], []);
    assert.equal(bobs.Owner?.ID, bob.canonicalId);
  });

  it('list shows every account, the default one marked, key counts and never a secret', async () => {
    const [json, table] = await Promise.all([admin('account', 'list', '--json'), admin('account', 'list')]);
    assert.equal(json.code, 0, json.stderr);
    const accounts = (JSON.parse(json.stdout) as Array<Record<string, unknown>>).map(
      ({ accountId, canonicalId, displayName, email, default: isDefault, accessKeys }) => ({ accountId, canonicalId, displayName, email, isDefault, accessKeys }),
    );
    assert.deepEqual(accounts[0], {
      accountId: t.coffer.account.accountId, canonicalId: t.coffer.account.canonicalId, displayName: 'coffer', email: 'root@coffer.local', isDefault: true, accessKeys: 1,
    });
    // Alice and Bob were created at the same moment: either may come first.
    const byName = (x: { displayName: unknown }, y: { displayName: unknown }) => String(x.displayName).localeCompare(String(y.displayName));
    assert.deepEqual(accounts.slice(1).sort(byName), [
      { accountId: alice.accountId, canonicalId: alice.canonicalId, displayName: 'Alice', email: 'alice@example.com', isDefault: false, accessKeys: 1 },
      { accountId: bob.accountId, canonicalId: bob.canonicalId, displayName: 'Bob', email: 'bob@example.com', isDefault: false, accessKeys: 1 },
    ]);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /^ACCOUNT ID +CANONICAL ID +NAME +EMAIL +DEFAULT +KEYS\n/);
    assert.match(table.stdout, new RegExp(`^${alice.accountId}  ${alice.canonicalId}  Alice +alice@example\\.com +1$`, 'm'));
    for (const out of [json.stdout, table.stdout]) {
      for (const secret of [alice.credentials.secretAccessKey, bob.secretAccessKey, t.credentials.secretAccessKey]) assert.ok(!out.includes(secret));
    }
  });

  it('refuses a second account with the same e-mail address (any case), and bad input', async () => {
    const [dup, bad, noDir] = await Promise.all([
      admin('account', 'create', '--name', 'Alice again', '--email', 'Alice@Example.com'),
      admin('account', 'create', '--name', 'X', '--email', 'not-an-address'),
      coffer(['admin', 'account', 'list', '--data-dir', join(dataDir, 'elsewhere')]),
    ]);
    assert.equal(dup.code, 1);
    assert.equal(dup.stderr, `coffer admin account: the e-mail address Alice@Example.com is already used by account ${alice.accountId}\n`);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /"not-an-address" is not an e-mail address/);
    assert.equal(noDir.code, 2);
    assert.match(noDir.stderr, /elsewhere is not a Coffer data directory/);
  });

  it('delete refuses the default account and an account that owns buckets; then deletes it and its keys', async () => {
    const [def, busy] = await Promise.all([admin('account', 'delete', t.coffer.account.accountId), admin('account', 'delete', alice.accountId)]);
    assert.equal(def.code, 1);
    assert.match(def.stderr, /is the default account/);
    assert.equal(busy.code, 1);
    assert.equal(busy.stderr, `coffer admin account: account ${alice.accountId} still owns 1 bucket (alice-photos); delete them first\n`);

    const aliceS3 = s3As(alice.credentials);
    await aliceS3.send(new DeleteBucketCommand({ Bucket: 'alice-photos' }));
    const done = await admin('account', 'delete', alice.accountId);
    assert.equal(done.code, 0, done.stderr);
    assert.equal(done.stdout, `deleted account ${alice.accountId} (Alice, alice@example.com) and its 1 access key\n`);
    // The running server sees it on the next request.
    await assertS3Error(aliceS3.send(new ListBucketsCommand({})), { code: 'InvalidAccessKeyId', status: 403 });
    const left = JSON.parse((await admin('account', 'list', '--json')).stdout) as Array<{ accountId: string }>;
    assert.deepEqual(left.map((a) => a.accountId).sort(), [t.coffer.account.accountId, bob.accountId].sort());
  });

  it('account-level Block Public Access: set, show, delete — and the server reads it', async () => {
    const settings = t.coffer.deps.accountSettings;
    assert.ok(settings, 'the S3 layer has the account settings');
    assert.equal(await settings.getAccountPublicAccessBlock(bob.accountId), undefined);

    const set = await admin('public-access-block', '--account', bob.accountId, '--block-public-acls', 'true', '--restrict-public-buckets', 'true');
    assert.equal(set.code, 0, set.stderr);
    assert.match(set.stdout, /BlockPublicAcls {8}true\n {2}IgnorePublicAcls {7}false\n {2}BlockPublicPolicy {6}false\n {2}RestrictPublicBuckets {2}true\n$/);
    assert.deepEqual(await settings.getAccountPublicAccessBlock(bob.accountId), {
      blockPublicAcls: true,
      ignorePublicAcls: false,
      blockPublicPolicy: false,
      restrictPublicBuckets: true,
    });
    assert.equal(await settings.getAccountPublicAccessBlock(t.coffer.account.accountId), undefined, 'only that account');

    const more = await admin('public-access-block', '--account', bob.accountId, '--block-public-policy', 'true', '--json');
    assert.deepEqual(JSON.parse(more.stdout), {
      AccountId: bob.accountId,
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: false, BlockPublicPolicy: true, RestrictPublicBuckets: true },
    });
    const shown = await admin('public-access-block', '--account', bob.accountId, '--show', '--json');
    assert.deepEqual(JSON.parse(shown.stdout), JSON.parse(more.stdout));
    assert.equal((await settings.getAccountPublicAccessBlock(bob.accountId))?.blockPublicPolicy, true);

    const removed = await admin('public-access-block', '--account', bob.accountId, '--delete');
    assert.equal(removed.code, 0, removed.stderr);
    assert.match(removed.stdout, /removed the Block Public Access settings of account \d{12}/);
    assert.equal(await settings.getAccountPublicAccessBlock(bob.accountId), undefined);
    const none = await admin('public-access-block', '--account', bob.accountId, '--json');
    assert.deepEqual(JSON.parse(none.stdout), { AccountId: bob.accountId, PublicAccessBlockConfiguration: null });

    const gone = await admin('public-access-block', '--account', alice.accountId, '--block-public-acls', 'true');
    assert.equal(gone.code, 1);
    assert.match(gone.stderr, new RegExp(`there is no account ${alice.accountId}`));
  });

  it('--help explains that the commands are safe beside a running server', async () => {
    const [account, pab] = await Promise.all([coffer(['admin', 'account', '--help']), coffer(['admin', 'public-access-block', '--help'])]);
    assert.equal(account.code, 0);
    assert.match(account.stdout, /safe to run while a\nserver is using it: SQLite in WAL mode/);
    assert.equal(pab.code, 0);
    assert.match(pab.stdout, /Safe to run while a server uses the data directory/);
  });
});
