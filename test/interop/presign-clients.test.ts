/**
 * Presigned URLs made by real clients — `aws s3 presign` and boto3's `generate_presigned_url`
 * (SigV4) — fetched within their lifetime, and again after the server clock passed X-Amz-Expires.
 */
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestCoffer, type TestCoffer } from '../e2e/harness.ts';
import { errorFields } from '../e2e/raw-request.ts';
import { missingTool, runTool } from './run-tool.ts';

const AWS = '/usr/bin/aws';
const PYTHON = '/usr/bin/python3';

describe('presigned URLs from real clients', () => {
  let t: TestCoffer;
  before(async () => {
    t = await startTestCoffer();
    const s3 = t.s3();
    await s3.send(new CreateBucketCommand({ Bucket: 'shared' }));
    await s3.send(new PutObjectCommand({ Bucket: 'shared', Key: 'report 2026.pdf', Body: 'the report' }));
  });
  after(() => t.stop());

  const env = () => ({
    AWS_ACCESS_KEY_ID: t.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: t.credentials.secretAccessKey,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  });

  async function expiresLikeAws(url: string, expiresIn: number) {
    assert.equal(await (await fetch(url)).text(), 'the report');
    t.clock.advance((expiresIn + 1) * 1000);
    try {
      const res = await fetch(url);
      assert.equal(res.status, 403);
      const fields = Object.fromEntries(errorFields(await res.text()));
      assert.equal(fields.Code, 'AccessDenied');
      assert.equal(fields.Message, 'Request has expired');
      assert.equal(fields['X-Amz-Expires'], String(expiresIn));
    } finally {
      t.clock.advance(-(expiresIn + 1) * 1000);
    }
  }

  it('aws s3 presign', { skip: missingTool(AWS, 'awscli') }, async () => {
    const r = await runTool(AWS, ['--endpoint-url', t.endpoint, 's3', 'presign', 's3://shared/report 2026.pdf', '--expires-in', '90'], { env: env() });
    assert.equal(r.code, 0, r.stderr);
    const url = r.stdout.trim();
    assert.match(url, /X-Amz-Expires=90/);
    await expiresLikeAws(url, 90);
  });

  it('boto3 generate_presigned_url', { skip: missingTool(PYTHON, 'python3-boto3') }, async () => {
    const script = `
import boto3, os
from botocore.config import Config
s3 = boto3.client('s3', endpoint_url=os.environ['ENDPOINT'], region_name='us-east-1',
                  config=Config(signature_version='s3v4', s3={'addressing_style': 'path'}))
print(s3.generate_presigned_url('get_object', Params={'Bucket': 'shared', 'Key': 'report 2026.pdf'}, ExpiresIn=120))
`;
    const r = await runTool(PYTHON, ['-c', script], { env: { ...env(), ENDPOINT: t.endpoint } });
    assert.equal(r.code, 0, r.stderr);
    await expiresLikeAws(r.stdout.trim(), 120);
  });
});
