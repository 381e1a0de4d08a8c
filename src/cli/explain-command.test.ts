import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { S3Error } from '../s3/errors/s3-error.ts';
import { buildAuditRecord } from '../diagnostics/audit/build-audit-record.ts';
import { ALICE, DENIED_BY_MAX_AGE, input, request, signed } from '../diagnostics/audit/testing/audit-fixtures.ts';
import { explainCommand } from './explain-command.ts';
import { captureIo } from './testing/capture-io.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'coffer-explain-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));
const error = new S3Error('AccessDenied', { message: DENIED_BY_MAX_AGE.message, reason: DENIED_BY_MAX_AGE.reason });
const record = buildAuditRecord(input(request(), { operation: 'GetObject', auth: signed(ALICE), decision: DENIED_BY_MAX_AGE, error, response: { status: 403 } }));

describe('coffer explain', () => {
  it('says there is no audit log when the directory has none', async () => {
    const io = captureIo();
    assert.equal(await explainCommand(['REQUEST000000001', '--data-dir', dataDir], io), 1);
    assert.equal(io.err(), `coffer explain: no audit log in ${join(dataDir, 'audit')}: is this the server's --data-dir? (The server writes one unless started with --audit off.)\n`);
  });

  it('prints the record in plain words, or as JSON; COFFER_DATA_DIR as the default directory', async () => {
    mkdirSync(join(dataDir, 'audit'), { recursive: true });
    writeFileSync(join(dataDir, 'audit', 'audit-2024-05-01.jsonl'), JSON.stringify(record) + '\n');
    const io = captureIo({ env: { COFFER_DATA_DIR: dataDir } });
    assert.equal(await explainCommand(['REQUEST000000001'], io), 0);
    assert.equal(
      io.out(),
      [
        '✗ Denied: an explicit Deny matched',
        '  request id   REQUEST000000001',
        '  when         2024-05-01T12:11:00.250Z (server clock)',
        '  operation    GetObject  GET /photos/cat.jpg',
        '  who          arn:aws:iam::111122223333:user/alice (IAM user of account 111122223333)',
        '  access key   AKIAEXAMPLEALICE0001',
        '  from         203.0.113.9 over HTTP',
        '  signed       Authorization header, Signature Version 4, signed at 2024-05-01T12:00:00.250Z, scope 20240501/us-east-1/s3',
        '  what         s3:GetObject on arn:aws:s3:::photos/cat.jpg',
        `  answer       403 AccessDenied: ${DENIED_BY_MAX_AGE.message}`,
        '  denied by    an explicit deny in a resource-based policy',
        '',
        "why: denied: statement 'MaxAge' in the bucket policy of 'photos' matched: s3:signatureAge 660000 > 600000",
        '',
        'evidence:',
        "  ✗ Deny: statement 'MaxAge' in the bucket policy of 'photos' (Statement[0])",
        '    ● held: s3:signatureAge 660000 > 600000 (NumericGreaterThan)',
        '',
      ].join('\n'),
    );
    const json = captureIo();
    assert.equal(await explainCommand(['REQUEST000000001', '--data-dir', dataDir, '--json'], json), 0);
    assert.deepEqual(JSON.parse(json.out()), record);
  });

  it('colours on a terminal unless NO_COLOR is set', async () => {
    const tty = captureIo({ tty: true });
    await explainCommand(['REQUEST000000001', '--data-dir', dataDir], tty);
    assert.match(tty.out(), /^\u001b\[31m\u001b\[1m✗ Denied/);
    const noColor = captureIo({ tty: true, env: { NO_COLOR: '1' } });
    await explainCommand(['REQUEST000000001', '--data-dir', dataDir], noColor);
    assert.match(noColor.out(), /^✗ Denied/);
  });

  it('an unknown id: exit 1 and where it looked; bad usage: exit 2', async () => {
    const io = captureIo();
    assert.equal(await explainCommand(['NOSUCHREQUEST000', '--data-dir', dataDir], io), 1);
    assert.match(io.err(), /^coffer explain: request NOSUCHREQUEST000 is not in the audit log \(.*audit, 1 file, audit-2024-05-01\.jsonl to audit-2024-05-01\.jsonl\)\. /);
    for (const argv of [[], ['a', 'b'], ['--nope']]) assert.equal(await explainCommand(argv, captureIo()), 2, JSON.stringify(argv));
    const help = captureIo();
    assert.equal(await explainCommand(['--help'], help), 0);
    assert.match(help.out(), /^usage: coffer explain <request-id>/);
  });
});
