/**
 * s3cmd (Debian's s3cmd, /usr/bin/s3cmd) against Coffer with `signature_v2 = True`: a config
 * file pointing at the test server, then mb / put (single and multipart) / ls / get / del / rb,
 * and `s3cmd signurl` — the presigned V2 URL fetched with fetch(), working, then refused with
 * AWS's "Request has expired" body once the server clock passes its Expires.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isoSeconds } from '../../src/lib/dates.ts';
import { startTestCoffer, type TestCoffer } from '../e2e/harness.ts';
import { errorFields } from '../e2e/raw-request.ts';
import { missingTool, runTool, type ToolResult } from './run-tool.ts';

const S3CMD = '/usr/bin/s3cmd';
const skip = missingTool(S3CMD, 's3cmd');
const B = 's3cmd-v2';

describe('s3cmd with Signature Version 2', { skip }, () => {
  let t: TestCoffer;
  let dir: string;
  let config: string;

  const s3cmd = async (...args: string[]): Promise<ToolResult> => {
    const r = await runTool(S3CMD, ['-c', config, '--no-progress', ...args], { cwd: dir });
    assert.equal(r.code, 0, `s3cmd ${args.join(' ')}\n${r.stdout}\n${r.stderr}`);
    return r;
  };

  before(async () => {
    t = await startTestCoffer();
    dir = mkdtempSync(join(tmpdir(), 'coffer-s3cmd-'));
    config = join(dir, 's3cfg');
    const endpoint = new URL(t.endpoint).host;
    writeFileSync(
      config,
      [
        '[default]',
        `access_key = ${t.credentials.accessKeyId}`,
        `secret_key = ${t.credentials.secretAccessKey}`,
        `host_base = ${endpoint}`,
        // No %(bucket)s: path-style requests.
        `host_bucket = ${endpoint}`,
        'use_https = False',
        'signature_v2 = True',
        'bucket_location = us-east-1',
        '',
      ].join('\n'),
      { mode: 0o600 },
    );
  });
  after(async () => {
    await t.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('mb, put, ls, get, del, rb — signed with SigV2 (x-amz-date, empty Date line)', async () => {
    await s3cmd('mb', `s3://${B}`);
    writeFileSync(join(dir, 'small.txt'), 'hello from s3cmd');
    await s3cmd('put', join(dir, 'small.txt'), `s3://${B}/docs/small file.txt`);
    const big = randomBytes(6 * 1024 * 1024 + 5);
    writeFileSync(join(dir, 'big.bin'), big);
    // Multipart: ?uploads, ?partNumber=N&uploadId=…, ?uploadId=… are signed sub-resources.
    await s3cmd('put', '--multipart-chunk-size-mb=5', join(dir, 'big.bin'), `s3://${B}/big.bin`);

    const ls = await s3cmd('ls', `s3://${B}/docs/`);
    assert.match(ls.stdout, new RegExp(`16\\s+s3://${B}/docs/small file.txt`));
    const all = await s3cmd('ls', '-r', `s3://${B}`);
    assert.match(all.stdout, new RegExp(`${big.length}\\s+s3://${B}/big.bin`));
    const buckets = await s3cmd('ls');
    assert.match(buckets.stdout, new RegExp(`s3://${B}$`, 'm'));

    await s3cmd('get', `s3://${B}/docs/small file.txt`, join(dir, 'small.out'));
    assert.equal(readFileSync(join(dir, 'small.out'), 'utf8'), 'hello from s3cmd');
    await s3cmd('get', `s3://${B}/big.bin`, join(dir, 'big.out'));
    assert.equal(createHash('sha256').update(readFileSync(join(dir, 'big.out'))).digest('hex'), createHash('sha256').update(big).digest('hex'));

    await s3cmd('del', `s3://${B}/docs/small file.txt`, `s3://${B}/big.bin`);
    const empty = await s3cmd('ls', '-r', `s3://${B}`);
    assert.equal(empty.stdout.trim(), '');
    await s3cmd('rb', `s3://${B}`);
    assert.doesNotMatch((await s3cmd('ls')).stdout, new RegExp(`s3://${B}`));
  });

  it('signurl: the presigned V2 URL works with fetch(), then 403 "Request has expired" past its Expires', async () => {
    await s3cmd('mb', `s3://${B}-url`);
    writeFileSync(join(dir, 'shared.txt'), 'shared by s3cmd');
    await s3cmd('put', join(dir, 'shared.txt'), `s3://${B}-url/shared.txt`);
    const expires = Math.floor(t.clock.now() / 1000) + 120;
    const { stdout } = await s3cmd('signurl', `s3://${B}-url/shared.txt`, String(expires));
    const url = stdout.trim();
    assert.match(url, /\?AWSAccessKeyId=[^&]+&Expires=\d+&Signature=/);

    const ok = await fetch(url);
    assert.equal(ok.status, 200);
    assert.equal(await ok.text(), 'shared by s3cmd');

    t.clock.advance(180_000);
    try {
      const res = await fetch(url);
      assert.equal(res.status, 403);
      const fields = errorFields(await res.text());
      assert.deepEqual(fields.map(([n]) => n), ['Code', 'Message', 'Expires', 'ServerTime', 'RequestId', 'HostId']);
      const f = Object.fromEntries(fields);
      assert.equal(f.Code, 'AccessDenied');
      assert.equal(f.Message, 'Request has expired');
      assert.equal(f.Expires, isoSeconds(expires * 1000));
      assert.ok(Date.parse(f.ServerTime!) >= expires * 1000);
    } finally {
      t.clock.advance(-180_000);
    }
  });

  it('a wrong secret: 403 SignatureDoesNotMatch, whose StringToSign is exactly the string s3cmd signed', async () => {
    const bad = join(dir, 's3cfg-bad');
    writeFileSync(bad, readFileSync(config, 'utf8').replace(/^secret_key = .*$/m, 'secret_key = wrong-secret'), { mode: 0o600 });
    const r = await runTool(S3CMD, ['-c', bad, '--no-progress', '--debug', 'ls'], { cwd: dir });
    assert.notEqual(r.code, 0);
    const output = r.stdout + r.stderr;
    assert.match(output, /ERROR: S3 error: 403 \(SignatureDoesNotMatch\): The request signature we calculated does not match/);
    // Both printed as Python reprs: what s3cmd signed, and what the error body echoed back.
    const signed = /DEBUG: SignHeaders: ('.*')$/m.exec(output)?.[1];
    const echoed = /DEBUG: ErrorXML: StringToSign: ('.*')$/m.exec(output)?.[1];
    assert.ok(signed, output);
    assert.match(signed, /^'GET\\n\\n\\n\\nx-amz-date:[^']+\\n\/'$/);
    assert.equal(echoed, signed);
  });
});
