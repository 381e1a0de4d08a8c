/**
 * boto3 (Debian's python3-boto3, run with /usr/bin/python3) against Coffer: the common calls a
 * Python application makes, and the error codes it sees.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestCoffer, type TestCoffer } from '../e2e/harness.ts';
import { missingTool, runTool } from './run-tool.ts';

const PYTHON = '/usr/bin/python3';
const skip = missingTool(PYTHON, 'python3-boto3');

const SCRIPT = String.raw`
import json, os, sys, hashlib
import boto3
from botocore.exceptions import ClientError
from botocore.config import Config
s3 = boto3.client('s3', endpoint_url=os.environ['ENDPOINT'], region_name='us-east-1',
                  aws_access_key_id=os.environ['AKID'], aws_secret_access_key=os.environ['SECRET'],
                  config=Config(s3={'addressing_style': 'path'}, retries={'max_attempts': 1}))
out = {}
s3.create_bucket(Bucket='boto')
s3.put_object(Bucket='boto', Key='hello/world.txt', Body=b'hi boto', Metadata={'k': 'v'})
got = s3.get_object(Bucket='boto', Key='hello/world.txt')
out['body'] = got['Body'].read().decode()
out['metadata'] = got['Metadata']
out['range'] = s3.get_object(Bucket='boto', Key='hello/world.txt', Range='bytes=3-6')['Body'].read().decode()
for i in range(3):
    s3.put_object(Bucket='boto', Key='many/%d' % i, Body=b'x')
pages = s3.get_paginator('list_objects_v2').paginate(Bucket='boto', Prefix='many/', PaginationConfig={'PageSize': 2})
out['listed'] = [c['Key'] for p in pages for c in p.get('Contents', [])]
out['delimited'] = [p['Prefix'] for p in s3.list_objects(Bucket='boto', Delimiter='/').get('CommonPrefixes', [])]
data = os.urandom(6 * 1024 * 1024 + 17)
from boto3.s3.transfer import TransferConfig
import io
s3.upload_fileobj(io.BytesIO(data), 'boto', 'multi.bin', Config=TransferConfig(multipart_threshold=5*1024*1024, multipart_chunksize=5*1024*1024))
buf = io.BytesIO()
s3.download_fileobj('boto', 'multi.bin', buf)
out['multipart_roundtrip'] = hashlib.sha256(buf.getvalue()).hexdigest() == hashlib.sha256(data).hexdigest()
out['multipart_etag'] = s3.head_object(Bucket='boto', Key='multi.bin')['ETag']
s3.copy_object(Bucket='boto', Key='copy.txt', CopySource={'Bucket': 'boto', 'Key': 'hello/world.txt'})
out['copy'] = s3.get_object(Bucket='boto', Key='copy.txt')['Body'].read().decode()
deleted = s3.delete_objects(Bucket='boto', Delete={'Objects': [{'Key': 'many/0'}, {'Key': 'many/1'}]})
out['deleted'] = sorted(d['Key'] for d in deleted['Deleted'])
try:
    s3.get_object(Bucket='boto', Key='missing')
except ClientError as e:
    out['missing'] = [e.response['Error']['Code'], e.response['Error']['Message'], e.response['ResponseMetadata']['HTTPStatusCode']]
try:
    s3.head_object(Bucket='boto', Key='missing')
except ClientError as e:
    out['head_missing'] = [e.response['Error']['Code'], e.response['ResponseMetadata']['HTTPStatusCode']]
try:
    s3.delete_bucket(Bucket='boto')
except ClientError as e:
    out['not_empty'] = e.response['Error']['Code']
print(json.dumps(out))
`;

describe('boto3', { skip }, () => {
  let t: TestCoffer;
  before(async () => {
    t = await startTestCoffer();
  });
  after(() => t.stop());

  it('does what a Python application does, with the answers AWS gives', async () => {
    const r = await runTool(PYTHON, ['-c', SCRIPT], {
      env: { ENDPOINT: t.endpoint, AKID: t.credentials.accessKeyId, SECRET: t.credentials.secretAccessKey },
    });
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.body, 'hi boto');
    assert.deepEqual(out.metadata, { k: 'v' });
    assert.equal(out.range, 'boto');
    assert.deepEqual(out.listed, ['many/0', 'many/1', 'many/2']);
    assert.deepEqual(out.delimited, ['hello/', 'many/']);
    assert.equal(out.multipart_roundtrip, true);
    assert.match(out.multipart_etag, /-2"$/);
    assert.equal(out.copy, 'hi boto');
    assert.deepEqual(out.deleted, ['many/0', 'many/1']);
    assert.deepEqual(out.missing, ['NoSuchKey', 'The specified key does not exist.', 404]);
    assert.deepEqual(out.head_missing, ['404', 404]);
    assert.equal(out.not_empty, 'BucketNotEmpty');
  });
});
