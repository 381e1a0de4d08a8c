/**
 * curl's own SigV4 signer (`--aws-sigv4`) against Coffer: upload, download, list — a second,
 * independent implementation of the signing rules, beside the SDKs.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { startTestCoffer, type TestCoffer } from '../e2e/harness.ts';
import { missingTool, runTool } from './run-tool.ts';

const CURL = '/usr/bin/curl';
const skip = missingTool(CURL, 'curl');

describe('curl --aws-sigv4', { skip }, () => {
  let t: TestCoffer;
  const curl = (...args: string[]) =>
    runTool(CURL, ['-sS', '--aws-sigv4', 'aws:amz:us-east-1:s3', '--user', `${t.credentials.accessKeyId}:${t.credentials.secretAccessKey}`, ...args]);

  before(async () => {
    t = await startTestCoffer();
    await t.s3().send(new CreateBucketCommand({ Bucket: 'curl' }));
  });
  after(() => t.stop());

  it('uploads, downloads and lists with curl-signed requests', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'coffer-curl-')), 'note.txt');
    writeFileSync(file, 'signed by curl\n');
    const put = await curl('-w', '%{http_code}', '-o', '/dev/null', '-H', 'x-amz-content-sha256: UNSIGNED-PAYLOAD', '-T', file, `${t.endpoint}/curl/notes/note.txt`);
    assert.equal(put.stdout, '200', put.stderr);
    const get = await curl('-H', 'x-amz-content-sha256: UNSIGNED-PAYLOAD', `${t.endpoint}/curl/notes/note.txt`);
    assert.equal(get.stdout, 'signed by curl\n');
    // The query value is written encoded: curl 7.88 signs the query as written, and AWS's
    // canonical form encodes `/` as %2F (an unencoded `/` fails against AWS as well).
    const list = await curl('-H', 'x-amz-content-sha256: UNSIGNED-PAYLOAD', `${t.endpoint}/curl?list-type=2&prefix=notes%2F`);
    assert.match(list.stdout, /<Key>notes\/note\.txt<\/Key>/);
  });

  it('shows the S3 error document to a caller with the wrong secret', async () => {
    const r = await runTool(CURL, ['-sS', '--aws-sigv4', 'aws:amz:us-east-1:s3', '--user', `${t.credentials.accessKeyId}:wrong`, '-H', 'x-amz-content-sha256: UNSIGNED-PAYLOAD', `${t.endpoint}/curl`]);
    assert.match(r.stdout, /<Code>SignatureDoesNotMatch<\/Code>/);
    assert.match(r.stdout, /<CanonicalRequest>GET\n\/curl\n/);
  });
});
