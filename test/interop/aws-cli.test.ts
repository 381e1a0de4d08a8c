/**
 * The aws CLI (Debian's awscli) against Coffer: high-level `aws s3` commands (including a 20 MiB
 * multipart copy and sync) and `aws s3api` calls, with the errors a user would see.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestCoffer, type TestCoffer } from '../e2e/harness.ts';
import { missingTool, runTool } from './run-tool.ts';

const AWS = '/usr/bin/aws';
const skip = missingTool(AWS, 'awscli');

describe('aws CLI', { skip }, () => {
  let t: TestCoffer;
  let work: string;
  const aws = (...args: string[]) =>
    runTool(AWS, ['--endpoint-url', t.endpoint, '--no-cli-pager', ...args], {
      env: {
        AWS_ACCESS_KEY_ID: t.credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: t.credentials.secretAccessKey,
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      },
    });
  const ok = async (...args: string[]) => {
    const r = await aws(...args);
    assert.equal(r.code, 0, `aws ${args.join(' ')}\n${r.stderr}`);
    return r.stdout;
  };

  before(async () => {
    t = await startTestCoffer();
    work = mkdtempSync(join(tmpdir(), 'coffer-cli-'));
  });
  after(async () => {
    await t.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('mb, cp, ls, cp back, rm, rb', async () => {
    await ok('s3', 'mb', 's3://cli-bucket');
    writeFileSync(join(work, 'hello.txt'), 'hello from the aws cli\n');
    await ok('s3', 'cp', join(work, 'hello.txt'), 's3://cli-bucket/dir/hello world.txt');
    const ls = await ok('s3', 'ls', 's3://cli-bucket/dir/');
    assert.match(ls, /\s23 hello world\.txt/);
    await ok('s3', 'cp', 's3://cli-bucket/dir/hello world.txt', join(work, 'back.txt'));
    assert.equal(readFileSync(join(work, 'back.txt'), 'utf8'), 'hello from the aws cli\n');
    await ok('s3', 'rm', 's3://cli-bucket/dir/hello world.txt');
    await ok('s3', 'rb', 's3://cli-bucket');
    const buckets = await ok('s3', 'ls');
    assert.doesNotMatch(buckets, /cli-bucket/);
  });

  it('copies a 20 MiB file with multipart upload and gets the same bytes back', async () => {
    await ok('s3', 'mb', 's3://cli-big');
    const data = randomBytes(20 * 1024 * 1024);
    writeFileSync(join(work, 'big.bin'), data);
    await ok('s3', 'cp', join(work, 'big.bin'), 's3://cli-big/big.bin');
    const head = JSON.parse(await ok('s3api', 'head-object', '--bucket', 'cli-big', '--key', 'big.bin'));
    assert.equal(head.ContentLength, data.length);
    assert.match(head.ETag, /-\d+"$/, 'uploaded in parts');
    await ok('s3', 'cp', 's3://cli-big/big.bin', join(work, 'big-back.bin'));
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    assert.equal(sha(readFileSync(join(work, 'big-back.bin'))), sha(data));
  });

  it('syncs a directory tree and deletes recursively', async () => {
    await ok('s3', 'mb', 's3://cli-sync');
    const dir = join(work, 'tree');
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(join(dir, 'top.txt'), 'top');
    writeFileSync(join(dir, 'a', 'mid.txt'), 'mid');
    writeFileSync(join(dir, 'a', 'b', 'deep file+plus.txt'), 'deep');
    // sync compares local mtimes with LastModified (whole seconds): files written in the very
    // second they are uploaded look newer, on AWS too. Give them an hour of age.
    const anHourAgo = new Date(Date.now() - 3600_000);
    for (const f of ['top.txt', 'a/mid.txt', 'a/b/deep file+plus.txt']) utimesSync(join(dir, f), anHourAgo, anHourAgo);
    await ok('s3', 'sync', dir, 's3://cli-sync/tree');
    const listing = JSON.parse(await ok('s3api', 'list-objects-v2', '--bucket', 'cli-sync'));
    assert.deepEqual(
      listing.Contents.map((c: { Key: string }) => c.Key),
      ['tree/a/b/deep file+plus.txt', 'tree/a/mid.txt', 'tree/top.txt'],
    );
    // A second sync uploads nothing.
    const again = await ok('s3', 'sync', dir, 's3://cli-sync/tree');
    assert.equal(again.trim(), '');
    await ok('s3', 'rm', '--recursive', 's3://cli-sync/tree');
    await ok('s3', 'rb', 's3://cli-sync');
  });

  it('s3api: put-object with metadata, get-object, and the NoSuchKey error', async () => {
    await ok('s3api', 'create-bucket', '--bucket', 'cli-api');
    writeFileSync(join(work, 'body.txt'), 'api body');
    const put = JSON.parse(
      await ok('s3api', 'put-object', '--bucket', 'cli-api', '--key', 'k', '--body', join(work, 'body.txt'), '--metadata', 'color=blue', '--content-type', 'text/plain'),
    );
    assert.equal(put.ETag, `"${createHash('md5').update('api body').digest('hex')}"`);
    const get = JSON.parse(await ok('s3api', 'get-object', '--bucket', 'cli-api', '--key', 'k', join(work, 'out.txt')));
    assert.deepEqual(get.Metadata, { color: 'blue' });
    assert.equal(get.ContentType, 'text/plain');
    assert.equal(readFileSync(join(work, 'out.txt'), 'utf8'), 'api body');
    const missing = await aws('s3api', 'get-object', '--bucket', 'cli-api', '--key', 'nope', join(work, 'x'));
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /An error occurred \(NoSuchKey\) when calling the GetObject operation: The specified key does not exist\./);
    const noBucket = await aws('s3api', 'head-bucket', '--bucket', 'no-such-bucket-cli');
    assert.match(noBucket.stderr, /\(404\)/);
  });
});
