/**
 * DeleteObjects is authorized key by key (policy-evaluation.md §6.1): a refused key is an
 * AccessDenied <Error> entry in the 200 DeleteResult, the other keys are deleted, and the
 * refused object stays. The audit record lists the refused keys and why, and `coffer explain`
 * says the request was partly denied.
 */
import { CreateBucketCommand, DeleteObjectsCommand, HeadObjectCommand, ListObjectsV2Command, PutBucketPolicyCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { explainCommand } from '../../../src/cli/explain-command.ts';
import { captureIo } from '../../../src/cli/testing/capture-io.ts';
import type { AuditRecord } from '../../../src/diagnostics/audit/audit-record.ts';
import { startTestCoffer, type TestCoffer } from '../harness.ts';
import { castOf, policy, type Cast } from './setup.ts';

const B = 'cleanup';

describe('DeleteObjects: each key authorized on its own', () => {
  let t: TestCoffer;
  let cast: Cast;
  before(async () => {
    t = await startTestCoffer();
    cast = await castOf(t);
    await cast.s3a.send(new CreateBucketCommand({ Bucket: B }));
    await cast.s3a.send(
      new PutBucketPolicyCommand({
        Bucket: B,
        Policy: policy([{ Sid: 'ProtectKeep', Effect: 'Deny', Principal: '*', Action: 's3:DeleteObject', Resource: `arn:aws:s3:::${B}/keep/*` }]),
      }),
    );
    await cast.setAlicePolicy([{ Effect: 'Allow', Action: ['s3:DeleteObject', 's3:ListBucket'], Resource: [`arn:aws:s3:::${B}`, `arn:aws:s3:::${B}/*`] }]);
  });
  after(() => t.stop());

  const put = async (...keys: string[]) => {
    for (const Key of keys) await cast.s3a.send(new PutObjectCommand({ Bucket: B, Key, Body: Key }));
  };
  const keysLeft = async () => ((await cast.s3a.send(new ListObjectsV2Command({ Bucket: B }))).Contents ?? []).map((o) => o.Key);
  const deleteAs = (client: Cast['s3a'], keys: string[], Quiet = false) =>
    client.send(new DeleteObjectsCommand({ Bucket: B, Delete: { Quiet, Objects: keys.map((Key) => ({ Key })) } }));
  const record = async (requestId: string): Promise<AuditRecord> => {
    await t.coffer.audit.flush();
    const io = captureIo({ env: {} });
    assert.equal(await explainCommand([requestId, '--data-dir', t.dataDir, '--json'], io), 0, io.err());
    return JSON.parse(io.out()) as AuditRecord;
  };

  it('a Deny on keep/* refuses that key only: the others are deleted, keep/c stays', async () => {
    await put('public/a', 'keep/c', 'public/b');
    const out = await deleteAs(cast.s3alice, ['public/a', 'keep/c', 'public/b']);
    assert.deepEqual(out.Deleted?.map((d) => d.Key), ['public/a', 'public/b']);
    assert.deepEqual(out.Errors, [{ Key: 'keep/c', Code: 'AccessDenied', Message: 'Access Denied' }]);
    assert.deepEqual(await keysLeft(), ['keep/c']);
    assert.equal((await cast.s3a.send(new HeadObjectCommand({ Bucket: B, Key: 'keep/c' }))).ContentLength, 'keep/c'.length);

    const r = await record(out.$metadata.requestId!);
    assert.equal(r.operation, 'DeleteObjects');
    assert.equal(r.status, 200);
    assert.equal(r.decision, 'explicit-deny');
    assert.equal(r.resource, `arn:aws:s3:::${B}/keep/c`);
    assert.equal(r.keys?.checked, 3);
    assert.equal(r.keys?.denied.length, 1);
    assert.equal(r.keys?.denied[0]!.key, 'keep/c');
    assert.equal(r.keys?.denied[0]!.decision, 'explicit-deny');
    assert.match(r.keys!.denied[0]!.reason, /ProtectKeep/);
  });

  it('Quiet: only the refused key is reported', async () => {
    await put('public/a', 'public/b');
    const out = await deleteAs(cast.s3alice, ['public/a', 'keep/c', 'public/b'], true);
    assert.equal(out.Deleted, undefined);
    assert.deepEqual(out.Errors, [{ Key: 'keep/c', Code: 'AccessDenied', Message: 'Access Denied' }]);
    assert.deepEqual(await keysLeft(), ['keep/c']);
  });

  it('the explicit Deny binds the bucket owner too; an allowed request is recorded as allowed', async () => {
    await put('public/a');
    const denied = await deleteAs(cast.s3a, ['keep/c']);
    assert.deepEqual(denied.Errors?.map((e) => e.Code), ['AccessDenied']);
    const allowed = await deleteAs(cast.s3a, ['public/a']);
    assert.deepEqual(allowed.Deleted?.map((d) => d.Key), ['public/a']);
    const r = await record(allowed.$metadata.requestId!);
    assert.equal(r.decision, 'allow');
    assert.deepEqual(r.keys, { checked: 1, denied: [] });
  });

  it('another account without a grant: every key refused, nothing deleted', async () => {
    await put('public/a');
    const out = await deleteAs(cast.s3b, ['public/a', 'keep/c']);
    assert.equal(out.Deleted, undefined);
    assert.deepEqual(out.Errors?.map((e) => [e.Key, e.Code]), [['public/a', 'AccessDenied'], ['keep/c', 'AccessDenied']]);
    assert.deepEqual(await keysLeft(), ['keep/c', 'public/a']);
    const r = await record(out.$metadata.requestId!);
    assert.equal(r.decision, 'implicit-deny');
    assert.deepEqual(r.keys?.denied.map((d) => [d.key, d.decision]), [['public/a', 'implicit-deny'], ['keep/c', 'explicit-deny']]);
  });

  it('coffer explain: "Partly denied", and each refused key with its reason', async () => {
    await put('public/a');
    const out = await deleteAs(cast.s3alice, ['public/a', 'keep/c']);
    await t.coffer.audit.flush();
    const io = captureIo({ env: { NO_COLOR: '1' } });
    assert.equal(await explainCommand([out.$metadata.requestId!, '--data-dir', t.dataDir], io), 0, io.err());
    const text = io.out();
    assert.match(text, /Partly denied: 1 of 2 keys refused/);
    assert.match(text, /keys\s+2 authorized one by one, 1 refused/);
    assert.match(text, /key "keep\/c" refused: .*ProtectKeep/);
  });
});
