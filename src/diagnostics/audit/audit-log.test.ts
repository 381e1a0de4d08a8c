import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { expiredToken } from '../../auth/sigv4/sigv4-errors.ts';
import { ManualClock } from '../../lib/clock.ts';
import { S3Error, noSuchKey } from '../../s3/errors/s3-error.ts';
import { openAuditLog, type AuditMode } from './audit-log.ts';
import type { AuditRecord } from './audit-record.ts';
import { findAuditRecord } from './find-audit-record.ts';
import { ALICE, ALLOWED_BY_ACL, DENIED_BY_MAX_AGE, RECEIVED_AT, SECRET, SESSION_TOKEN, SIGNATURE, request, signed } from './testing/audit-fixtures.ts';

const root = mkdtempSync(join(tmpdir(), 'coffer-audit-log-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

/** One of each: allowed, allowed-then-NoSuchKey, denied by a policy, refused by authentication. */
async function recordFour(mode: AuditMode): Promise<{ dataDir: string; records: AuditRecord[] }> {
  const dataDir = join(root, `data${n++}`);
  const log = await openAuditLog({ dataDir, mode, retentionMs: 86_400_000, clock: new ManualClock(RECEIVED_AT), onError: assert.fail });
  const auth = signed(ALICE, { scheme: 'v4-query', sessionToken: SESSION_TOKEN });
  const presigned = request({ target: `/photos/cat.jpg?X-Amz-Credential=ASIAEXAMPLESESSION01%2F20240501%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Security-Token=${encodeURIComponent(SESSION_TOKEN)}&X-Amz-Signature=${SIGNATURE}` });
  const at = (id: string) => ({ ...presigned, id });
  log.record({ requestId: 'ALLOWED', req: at('ALLOWED'), outcome: { operation: 'GetObject', auth, decision: ALLOWED_BY_ACL, response: { status: 200 } }, receivedAt: RECEIVED_AT });
  log.record({ requestId: 'MISSING', req: at('MISSING'), outcome: { operation: 'GetObject', auth, decision: ALLOWED_BY_ACL, error: noSuchKey('cat.jpg'), response: { status: 404 } }, receivedAt: RECEIVED_AT });
  const denied = new S3Error('AccessDenied', { message: DENIED_BY_MAX_AGE.message, reason: DENIED_BY_MAX_AGE.reason });
  log.record({ requestId: 'DENIED', req: at('DENIED'), outcome: { operation: 'GetObject', auth, decision: DENIED_BY_MAX_AGE, error: denied, response: { status: 403 } }, receivedAt: RECEIVED_AT });
  log.record({ requestId: 'EXPIRED', req: at('EXPIRED'), outcome: { operation: 'GetObject', error: expiredToken(SESSION_TOKEN), response: { status: 400 } }, receivedAt: RECEIVED_AT });
  await log.close();
  const dir = join(dataDir, 'audit');
  if (!existsSync(dir)) return { dataDir, records: [] };
  const text = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')).join('');
  for (const secret of [SECRET, SIGNATURE, SESSION_TOKEN, encodeURIComponent(SESSION_TOKEN)]) assert.ok(!text.includes(secret), `${secret} written`);
  return { dataDir, records: text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as AuditRecord) };
}

describe('openAuditLog', () => {
  it('--audit all: every request, in <data-dir>/audit/audit-<UTC day>.jsonl, with no secret', async () => {
    const { dataDir, records } = await recordFour('all');
    assert.deepEqual(readdirSync(join(dataDir, 'audit')), ['audit-2024-05-01.jsonl']);
    assert.deepEqual(records.map((r) => [r.requestId, r.decision, r.status]), [
      ['ALLOWED', 'allow', 200],
      ['MISSING', 'allow', 404],
      ['DENIED', 'explicit-deny', 403],
      ['EXPIRED', 'not-authorized-because-authentication-failed', 400],
    ]);
  });

  it('--audit denials: only refusals by a policy or by authentication', async () => {
    const { records } = await recordFour('denials');
    assert.deepEqual(records.map((r) => r.requestId), ['DENIED', 'EXPIRED']);
  });

  it('--audit denials: a DeleteObjects that refused some keys (answered 200) is kept; one that refused none is not', async () => {
    const dataDir = join(root, `data${n++}`);
    const log = await openAuditLog({ dataDir, mode: 'denials', retentionMs: 86_400_000, clock: new ManualClock(RECEIVED_AT), onError: assert.fail });
    const auth = signed(ALICE, { scheme: 'v4-header' });
    const req = (id: string) => ({ ...request({ method: 'POST', target: '/photos?delete' }), id });
    const keyDecisions = { checked: 2, denied: [{ key: 'cat.jpg', decision: DENIED_BY_MAX_AGE }] };
    log.record({ requestId: 'PARTLY', req: req('PARTLY'), outcome: { operation: 'DeleteObjects', auth, decision: DENIED_BY_MAX_AGE, keyDecisions, response: { status: 200 } }, receivedAt: RECEIVED_AT });
    log.record({ requestId: 'ALL-OK', req: req('ALL-OK'), outcome: { operation: 'DeleteObjects', auth, decision: ALLOWED_BY_ACL, keyDecisions: { checked: 1, denied: [] }, response: { status: 200 } }, receivedAt: RECEIVED_AT });
    await log.close();
    const [record, ...rest] = readFileSync(join(dataDir, 'audit', 'audit-2024-05-01.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as AuditRecord);
    assert.deepEqual(rest, []);
    assert.equal(record!.requestId, 'PARTLY');
    assert.deepEqual(record!.keys, { checked: 2, denied: [{ key: 'cat.jpg', decision: 'explicit-deny', reason: DENIED_BY_MAX_AGE.reason }] });
  });

  it('--audit off: nothing, not even the directory', async () => {
    const { dataDir, records } = await recordFour('off');
    assert.deepEqual(records, []);
    assert.equal(existsSync(join(dataDir, 'audit')), false);
  });
});

describe('findAuditRecord', () => {
  it('finds a record by request id, newest file first; skips a line cut short; reports what it read', async () => {
    const { dataDir } = await recordFour('all');
    const dir = join(dataDir, 'audit');
    appendFileSync(join(dir, 'audit-2024-04-30.jsonl'), JSON.stringify({ requestId: 'DENIED', decision: 'allow', old: true }) + '\n');
    appendFileSync(join(dir, 'audit-2024-05-02.jsonl'), '{"requestId":"DENIED","cut sh');
    const { found, files } = await findAuditRecord(dataDir, 'DENIED');
    assert.deepEqual(files, ['audit-2024-05-02.jsonl', 'audit-2024-05-01.jsonl', 'audit-2024-04-30.jsonl']);
    assert.equal(found?.record.decision, 'explicit-deny');
    assert.equal(found?.file, join(dir, 'audit-2024-05-01.jsonl'));
    assert.equal((await findAuditRecord(dataDir, 'NOPE')).found, undefined);
    assert.deepEqual(await findAuditRecord(join(root, 'nowhere'), 'DENIED'), { found: undefined, files: [] });
  });
});
