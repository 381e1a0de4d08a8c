import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { simulateCommand } from './simulate-command.ts';
import { captureIo } from './testing/capture-io.ts';

const empty = mkdtempSync(join(tmpdir(), 'coffer-simulate-'));
after(() => rmSync(empty, { recursive: true, force: true }));
const NOW = Date.parse('2024-05-01T12:00:00Z');
const files = {
  '/p/read.json': JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*' }] }),
  '/p/deny-http.json': JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'TlsOnly', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::photos/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
  }),
};
const base = ['--principal', 'arn:aws:iam::111122223333:user/alice', '--action', 's3:getobject', '--resource', 'arn:aws:s3:::photos/cat.jpg', '--data-dir', empty];

describe('coffer simulate', () => {
  it('policy files alone (no data directory): exit 0 when allowed, 1 when denied, with the evidence', async () => {
    const allowed = captureIo({ files, now: NOW });
    assert.equal(await simulateCommand([...base, '--policy-file', '/p/read.json', '--bucket-policy-file', '/p/deny-http.json', '--context', 'aws:SecureTransport=true'], allowed), 0);
    assert.match(allowed.out(), /^✓ Allowed \(simulated\)\n/);
    assert.match(allowed.out(), /\n {2}what {9}s3:GetObject on arn:aws:s3:::photos\/cat.jpg\n/);
    assert.match(allowed.out(), /\n {2}policies {5}identity: read.json; bucket: deny-http.json\n/);
    assert.match(allowed.out(), /\nwhy: allowed: statement 'Read' in identity policy 'read.json' allows s3:GetObject on arn:aws:s3:::photos\/cat.jpg\n/);

    const denied = captureIo({ files, now: NOW });
    assert.equal(await simulateCommand([...base, '--policy-file', '/p/read.json', '--bucket-policy-file', '/p/deny-http.json', '--json'], denied), 1);
    const json = JSON.parse(denied.out());
    assert.equal(json.decision, 'explicit-deny');
    assert.equal(json.reason, "denied: statement 'TlsOnly' in the bucket policy of 'photos' matched: aws:SecureTransport 'false' is 'false'");
    assert.equal(json.time, '2024-05-01T12:00:00.000Z');
  });

  it('usage errors: exit 2 with the reason', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--action', 's3:GetObject'], /--principal, --resource are required/],
      [[...base, '--context', 'aws:username=bob'], /aws:username: not a key simulate can set/],
      [[...base, '--policy-file', '/p/missing.json'], /\/p\/missing.json: no such file/],
      [[...base.slice(0, 2), '--action', 's3:Fly', ...base.slice(4)], /--action "s3:Fly": not an S3 action/],
      [[...base.slice(0, 4), '--resource', 'photos/cat.jpg', ...base.slice(6)], /--resource "photos\/cat.jpg"/],
      [[...base, '--bucket-owner', 'me'], /--bucket-owner: a 12-digit account id/],
    ];
    for (const [argv, message] of cases) {
      const io = captureIo({ files });
      assert.equal(await simulateCommand(argv, io), 2, argv.join(' '));
      assert.match(io.err(), message);
    }
  });
});
