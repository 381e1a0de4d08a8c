import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ManualClock } from '../../lib/clock.ts';
import { expiredAuditFiles } from './audit-files.ts';
import { DailyJsonlWriter } from './daily-jsonl-writer.ts';

const DAY = 86_400_000;
const root = mkdtempSync(join(tmpdir(), 'coffer-audit-writer-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(root, `d${n++}`, 'audit');
const lines = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8').split('\n').filter((l) => l !== '');

describe('DailyJsonlWriter', () => {
  it('writes one line per append, in order, to the file of the clock’s UTC day; flush waits for the disk', async () => {
    const dir = freshDir();
    const clock = new ManualClock(Date.parse('2024-05-01T23:59:59.000Z'));
    const errors: Error[] = [];
    const w = await DailyJsonlWriter.open({ dir, clock, retentionMs: 30 * DAY, onError: (e) => errors.push(e) });
    w.append('{"n":1}');
    w.append('{"n":2}');
    assert.deepEqual(readdirSync(dir), [], 'nothing is written on the caller’s path');
    await w.flush();
    assert.deepEqual(readdirSync(dir), ['audit-2024-05-01.jsonl']);
    assert.deepEqual(lines(dir, 'audit-2024-05-01.jsonl'), ['{"n":1}', '{"n":2}']);
    assert.equal(statSync(join(dir, 'audit-2024-05-01.jsonl')).mode & 0o777, 0o600);
    assert.equal(statSync(dir).mode & 0o777, 0o700);

    // Midnight UTC by the injected clock: a new file; queued lines of the old day still land in the old one.
    w.append('{"n":3}');
    clock.advance(1000);
    w.append('{"n":4}');
    clock.advance(DAY);
    w.append('{"n":5}');
    await w.close();
    assert.deepEqual(readdirSync(dir).sort(), ['audit-2024-05-01.jsonl', 'audit-2024-05-02.jsonl', 'audit-2024-05-03.jsonl']);
    assert.deepEqual(lines(dir, 'audit-2024-05-01.jsonl'), ['{"n":1}', '{"n":2}', '{"n":3}']);
    assert.deepEqual(lines(dir, 'audit-2024-05-02.jsonl'), ['{"n":4}']);
    assert.deepEqual(lines(dir, 'audit-2024-05-03.jsonl'), ['{"n":5}']);
    assert.deepEqual(errors, []);
  });

  it('appends to the day’s existing file after a restart', async () => {
    const dir = freshDir();
    const clock = new ManualClock(Date.parse('2024-05-01T10:00:00Z'));
    for (const line of ['{"run":1}', '{"run":2}']) {
      const w = await DailyJsonlWriter.open({ dir, clock, retentionMs: DAY, onError: assert.fail });
      w.append(line);
      await w.close();
    }
    assert.deepEqual(lines(dir, 'audit-2024-05-01.jsonl'), ['{"run":1}', '{"run":2}']);
  });

  it('removes files past the retention at open and at each rotation, never today’s, never other files', async () => {
    const dir = freshDir();
    const clock = new ManualClock(Date.parse('2024-05-10T12:00:00Z'));
    const w0 = await DailyJsonlWriter.open({ dir, clock, retentionMs: DAY, onError: assert.fail });
    await w0.close();
    for (const day of ['2024-05-01', '2024-05-08', '2024-05-09', '2024-05-10']) writeFileSync(join(dir, `audit-${day}.jsonl`), '{}\n');
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    // 3 days: 05-09 and 05-08 ended less than 3 days ago; 05-01 did not.
    const w = await DailyJsonlWriter.open({ dir, clock, retentionMs: 3 * DAY, onError: assert.fail });
    assert.deepEqual(readdirSync(dir).sort(), ['audit-2024-05-08.jsonl', 'audit-2024-05-09.jsonl', 'audit-2024-05-10.jsonl', 'notes.txt']);
    w.append('{"day":10}');
    clock.set(Date.parse('2024-05-12T00:00:01Z'));
    w.append('{"day":12}');
    await w.flush();
    // 05-08 ended on 05-09T00:00Z, more than 3 days before 05-12T00:00:01Z.
    assert.deepEqual(readdirSync(dir).sort(), ['audit-2024-05-09.jsonl', 'audit-2024-05-10.jsonl', 'audit-2024-05-12.jsonl', 'notes.txt']);
    await w.close();
  });

  it('drops lines rather than queueing without bound when the disk does not keep up, and says so', async () => {
    const dir = freshDir();
    const errors: Error[] = [];
    const w = await DailyJsonlWriter.open({ dir, clock: new ManualClock(0), retentionMs: DAY, onError: (e) => errors.push(e), maxQueuedBytes: 100 });
    const line = `{"pad":"${'x'.repeat(60)}"}`;
    for (let i = 0; i < 5; i++) w.append(line);
    await w.flush();
    w.append('{"after":1}');
    await w.close();
    const written = lines(dir, 'audit-1970-01-01.jsonl');
    assert.deepEqual(written, [line, line, '{"after":1}']);
    assert.deepEqual(errors.map((e) => e.message), ['audit log: 3 record(s) dropped: the disk did not keep up']);
  });

  it('reports a write failure and keeps going with the next line', async () => {
    const dir = freshDir();
    const errors: Error[] = [];
    const clock = new ManualClock(Date.parse('2024-05-01T00:00:00Z'));
    const w = await DailyJsonlWriter.open({ dir, clock, retentionMs: DAY, onError: (e) => errors.push(e) });
    rmSync(dir, { recursive: true });
    w.append('{"lost":1}');
    await w.flush();
    assert.deepEqual(errors.map((e) => (e as NodeJS.ErrnoException).code), ['ENOENT']);
    mkdirSync(dir, { recursive: true });
    w.append('{"kept":2}');
    await w.close();
    assert.deepEqual(lines(dir, 'audit-2024-05-01.jsonl'), ['{"kept":2}']);
  });
});

describe('expiredAuditFiles', () => {
  it('keeps every record at least the retention; ignores other names', () => {
    const now = Date.parse('2024-05-31T06:00:00Z');
    const names = ['audit-2024-04-30.jsonl', 'audit-2024-05-01.jsonl', 'audit-2024-05-30.jsonl', 'audit-2024-05-31.jsonl', 'audit-x.jsonl', 'other'];
    assert.deepEqual(expiredAuditFiles(names, now, 30 * DAY), ['audit-2024-04-30.jsonl']);
    assert.deepEqual(expiredAuditFiles(names, now, 1000), ['audit-2024-04-30.jsonl', 'audit-2024-05-01.jsonl', 'audit-2024-05-30.jsonl']);
  });
});
