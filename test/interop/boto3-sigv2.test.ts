/**
 * boto3 (Debian's python3-boto3, /usr/bin/python3) signing with Signature Version 2
 * (`Config(signature_version='s3')`, botocore's HmacV1Auth) against Coffer: the calls a Python
 * application makes, a multipart upload_fileobj, and `generate_presigned_url` (HmacV1QueryAuth)
 * fetched with urllib — working, then refused as AWS refuses it once the server clock passes
 * its Expires.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestCoffer, type TestCoffer } from '../e2e/harness.ts';
import { errorFields } from '../e2e/raw-request.ts';
import { missingTool, runTool } from './run-tool.ts';

const PYTHON = '/usr/bin/python3';
const skip = missingTool(PYTHON, 'python3-boto3');

const CLIENT = String.raw`
import json, os, sys, io, hashlib, urllib.request, urllib.error
import boto3
from botocore.exceptions import ClientError
from botocore.config import Config
from boto3.s3.transfer import TransferConfig
import botocore.handlers as handlers
# Debian's botocore 1.29 builds the SigV2 auth path from the request-URI template including its
# literal query ('/{Bucket}?location' signs '/b?location?location'), so every operation with a
# query in its template fails against AWS too. Later botocore strips the query ("The HmacV1Auth
# signer in particular requires query to be parsed from the URL rather than the authPath"): use
# that fix, so that the signer under test is botocore's own HmacV1Auth / HmacV1QueryAuth.
def auth_path_without_query(params, model, context, **kwargs):
    uri = model.http['requestUri']
    if uri.startswith('/{Bucket}'):
        model.http['requestUri'] = uri[len('/{Bucket}'):]
        path = uri.split('?')[0]
        model.http['authPath'] = path + '/' if path == '/{Bucket}' else path
original = handlers.remove_bucket_from_url_paths_from_model
handlers.BUILTIN_HANDLERS[:] = [tuple(auth_path_without_query if part is original else part for part in entry) for entry in handlers.BUILTIN_HANDLERS]
s3 = boto3.client('s3', endpoint_url=os.environ['ENDPOINT'], region_name='us-east-1',
                  aws_access_key_id=os.environ['AKID'], aws_secret_access_key=os.environ['SECRET'],
                  config=Config(signature_version='s3', s3={'addressing_style': 'path'}, retries={'max_attempts': 1}))
def fetch(url):
    try:
        with urllib.request.urlopen(url) as r:
            return [r.status, r.read().decode()]
    except urllib.error.HTTPError as e:
        return [e.code, e.read().decode()]
`;

const SCRIPT = CLIENT + String.raw`
out = {}
s3.create_bucket(Bucket='botov2')
s3.put_object(Bucket='botov2', Key='hello/wörld.txt', Body=b'hi sigv2', ContentType='text/plain', Metadata={'k': 'v'})
got = s3.get_object(Bucket='botov2', Key='hello/wörld.txt')
out['body'] = got['Body'].read().decode()
out['metadata'] = got['Metadata']
out['content_type'] = got['ContentType']
out['range'] = s3.get_object(Bucket='botov2', Key='hello/wörld.txt', Range='bytes=3-7')['Body'].read().decode()
out['head'] = s3.head_object(Bucket='botov2', Key='hello/wörld.txt')['ContentLength']
for i in range(3):
    s3.put_object(Bucket='botov2', Key='many/%d' % i, Body=b'x')
pages = s3.get_paginator('list_objects_v2').paginate(Bucket='botov2', Prefix='many/', PaginationConfig={'PageSize': 2})
out['listed'] = [c['Key'] for p in pages for c in p.get('Contents', [])]
out['location'] = s3.get_bucket_location(Bucket='botov2').get('LocationConstraint')
out['buckets'] = [b['Name'] for b in s3.list_buckets()['Buckets']]
data = os.urandom(6 * 1024 * 1024 + 17)
s3.upload_fileobj(io.BytesIO(data), 'botov2', 'multi.bin', Config=TransferConfig(multipart_threshold=5*1024*1024, multipart_chunksize=5*1024*1024))
buf = io.BytesIO()
s3.download_fileobj('botov2', 'multi.bin', buf)
out['multipart_roundtrip'] = hashlib.sha256(buf.getvalue()).hexdigest() == hashlib.sha256(data).hexdigest()
out['multipart_etag'] = s3.head_object(Bucket='botov2', Key='multi.bin')['ETag']
deleted = s3.delete_objects(Bucket='botov2', Delete={'Objects': [{'Key': 'many/0'}, {'Key': 'many/1'}]})
out['deleted'] = sorted(d['Key'] for d in deleted['Deleted'])
s3.delete_object(Bucket='botov2', Key='many/2')
try:
    s3.get_object(Bucket='botov2', Key='missing')
except ClientError as e:
    out['missing'] = [e.response['Error']['Code'], e.response['ResponseMetadata']['HTTPStatusCode']]
bad = boto3.client('s3', endpoint_url=os.environ['ENDPOINT'], region_name='us-east-1',
                   aws_access_key_id=os.environ['AKID'], aws_secret_access_key='wrong' * 8,
                   config=Config(signature_version='s3', s3={'addressing_style': 'path'}, retries={'max_attempts': 1}))
try:
    bad.list_objects(Bucket='botov2')
except ClientError as e:
    err = e.response['Error']
    out['bad_secret'] = [err['Code'], err['Message'], e.response['ResponseMetadata']['HTTPStatusCode'], err.get('StringToSign')]
url = s3.generate_presigned_url('get_object', Params={'Bucket': 'botov2', 'Key': 'hello/wörld.txt'}, ExpiresIn=60)
out['url'] = url
out['presigned'] = fetch(url)
print(json.dumps(out))
`;

describe('boto3 with Signature Version 2', { skip }, () => {
  let t: TestCoffer;
  before(async () => {
    t = await startTestCoffer();
  });
  after(() => t.stop());

  const env = () => ({ ENDPOINT: t.endpoint, AKID: t.credentials.accessKeyId, SECRET: t.credentials.secretAccessKey });

  it('does what a Python application does, signed with SigV2; presigned V2 URLs work and then expire', async () => {
    const r = await runTool(PYTHON, ['-c', SCRIPT], { env: env() });
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.body, 'hi sigv2');
    assert.deepEqual(out.metadata, { k: 'v' });
    assert.equal(out.content_type, 'text/plain');
    assert.equal(out.range, 'sigv2');
    assert.equal(out.head, 8);
    assert.deepEqual(out.listed, ['many/0', 'many/1', 'many/2']);
    assert.equal(out.location, null);
    assert.deepEqual(out.buckets, ['botov2']);
    assert.equal(out.multipart_roundtrip, true);
    assert.match(out.multipart_etag, /-2"$/);
    assert.deepEqual(out.deleted, ['many/0', 'many/1']);
    assert.deepEqual(out.missing, ['NoSuchKey', 404]);
    const [code, message, status, stringToSign] = out.bad_secret;
    assert.deepEqual([code, message, status], [
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      403,
    ]);
    assert.match(stringToSign, /^GET\n\n\n[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT\n\/botov2\/$/);

    // generate_presigned_url with signature_version 's3': AWSAccessKeyId / Signature / Expires.
    const url = new URL(out.url);
    assert.deepEqual([...url.searchParams.keys()].sort(), ['AWSAccessKeyId', 'Expires', 'Signature']);
    assert.deepEqual(out.presigned, [200, 'hi sigv2']);

    // Past its Expires the same URL is refused with AWS's body.
    const expires = Number(url.searchParams.get('Expires'));
    t.clock.advance(120_000);
    try {
      const fetched = await runTool(PYTHON, ['-c', CLIENT + 'print(json.dumps(fetch(sys.argv[1])))', out.url], { env: env() });
      assert.equal(fetched.code, 0, fetched.stderr);
      const [status, body] = JSON.parse(fetched.stdout) as [number, string];
      assert.equal(status, 403);
      const fields = errorFields(body);
      assert.deepEqual(fields.map(([n]) => n), ['Code', 'Message', 'Expires', 'ServerTime', 'RequestId', 'HostId']);
      const f = Object.fromEntries(fields);
      assert.equal(f.Code, 'AccessDenied');
      assert.equal(f.Message, 'Request has expired');
      assert.equal(f.Expires, new Date(expires * 1000).toISOString().slice(0, 19) + 'Z');
    } finally {
      t.clock.advance(-120_000);
    }
  });
});
