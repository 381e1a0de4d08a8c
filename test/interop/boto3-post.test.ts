/**
 * Browser-style POST uploads with forms made by boto3's `generate_presigned_post` (Debian's
 * python3-boto3, run with /usr/bin/python3), in both signature versions, sent as
 * multipart/form-data built by hand in Python and by `curl -F`: the answers and the refusals a
 * Python back end and its web page see, with AWS's codes, messages and fields.
 */
import { CreateBucketCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestCoffer, type TestCoffer } from '../e2e/harness.ts';
import { errorFields } from '../e2e/raw-request.ts';
import { missingTool, runTool } from './run-tool.ts';

const PYTHON = '/usr/bin/python3';
const CURL = '/usr/bin/curl';
const skip = missingTool(PYTHON, 'python3-boto3');

const SCRIPT = String.raw`
import json, os, uuid, urllib.request, urllib.error
import xml.etree.ElementTree as ET
import boto3
from botocore.config import Config

def client(version):
    return boto3.client('s3', endpoint_url=os.environ['ENDPOINT'], region_name='us-east-1',
                        aws_access_key_id=os.environ['AKID'], aws_secret_access_key=os.environ['SECRET'],
                        config=Config(signature_version=version, s3={'addressing_style': 'path'}))
v4 = client('s3v4')
v2 = client('s3')

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
opener = urllib.request.build_opener(NoRedirect)

def post(url, fields, data, filename='hello.txt'):
    boundary = '----boto3post' + uuid.uuid4().hex
    body = b''
    for name, value in fields.items():
        body += ('--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n' % (boundary, name)).encode() + value.encode() + b'\r\n'
    body += ('--%s\r\nContent-Disposition: form-data; name="file"; filename="%s"\r\nContent-Type: application/octet-stream\r\n\r\n' % (boundary, filename)).encode()
    body += data + ('\r\n--%s--\r\n' % boundary).encode()
    req = urllib.request.Request(url, data=body, method='POST', headers={'Content-Type': 'multipart/form-data; boundary=' + boundary})
    try:
        r = opener.open(req)
        status, text, headers = r.status, r.read().decode(), r.headers
    except urllib.error.HTTPError as e:
        status, text, headers = e.code, e.read().decode(), e.headers
    out = {'status': status, 'body': text, 'etag': headers.get('ETag'), 'location': headers.get('Location')}
    if text.startswith('<?xml') and '<Error>' in text:
        out['error'] = {child.tag: child.text or '' for child in ET.fromstring(text)}
    return out

out = {}
bucket = 'boto-post'
FN = '$' + '{filename}'  # S3's placeholder, spelled so the TS template leaves it alone

p = v4.generate_presigned_post(bucket, 'v4/' + FN,
    Fields={'success_action_status': '201', 'Content-Type': 'text/plain', 'x-amz-meta-origin': 'boto3'},
    Conditions=[{'success_action_status': '201'}, {'Content-Type': 'text/plain'}, {'x-amz-meta-origin': 'boto3'},
                ['content-length-range', 1, 100]],
    ExpiresIn=300)
out['v4_fields'] = sorted(p['fields'].keys())
out['v4_created'] = post(p['url'], p['fields'], b'hello from boto3 v4')
out['v4_too_large'] = post(p['url'], p['fields'], b'x' * 101)
out['v4_wrong_key'] = post(p['url'], dict(p['fields'], key='elsewhere/' + FN), b'x')
out['v4_bad_signature'] = post(p['url'], dict(p['fields'], **{'x-amz-signature': '0' * 64}), b'x')
out['v4_policy'] = p['fields']['policy']

r = v4.generate_presigned_post(bucket, 'v4/redirected.txt',
    Fields={'success_action_redirect': 'https://app.example.com/uploaded'},
    Conditions=[{'success_action_redirect': 'https://app.example.com/uploaded'}], ExpiresIn=300)
out['v4_redirect'] = post(r['url'], r['fields'], b'redirect me')

q = v2.generate_presigned_post(bucket, 'v2/plain.txt', ExpiresIn=300)
out['v2_fields'] = sorted(q['fields'].keys())
out['v2_default'] = post(q['url'], q['fields'], b'hello from boto3 v2')
out['v2_extra_field'] = post(q['url'], dict(q['fields'], **{'x-amz-meta-sneaky': 'yes'}), b'x')
out['v2_bad_signature'] = post(q['url'], dict(q['fields'], signature='AAAAAAAAAAAAAAAAAAAAAAAAAAA='), b'x')

# Forms for the test to send itself: after moving the server clock, and with curl -F.
out['late'] = v4.generate_presigned_post(bucket, 'late.txt', ExpiresIn=60)
out['curl'] = v4.generate_presigned_post(bucket, 'curl/' + FN, ExpiresIn=300)
print(json.dumps(out))
`;

describe('boto3 generate_presigned_post', { skip }, () => {
  let t: TestCoffer;
  let out: Record<string, any>;
  before(async () => {
    t = await startTestCoffer();
    await t.s3().send(new CreateBucketCommand({ Bucket: 'boto-post' }));
    const r = await runTool(PYTHON, ['-c', SCRIPT], {
      env: { ENDPOINT: t.endpoint, AKID: t.credentials.accessKeyId, SECRET: t.credentials.secretAccessKey },
    });
    assert.equal(r.code, 0, r.stderr);
    out = JSON.parse(r.stdout);
  });
  after(() => t.stop());

  const read = async (key: string) => (await t.s3().send(new GetObjectCommand({ Bucket: 'boto-post', Key: key }))).Body!.transformToString();

  it('V4 form: 201 with the PostResponse, stored with its attributes', async () => {
    assert.deepEqual(out.v4_fields, [
      'Content-Type',
      'key',
      'policy',
      'success_action_status',
      'x-amz-algorithm',
      'x-amz-credential',
      'x-amz-date',
      'x-amz-meta-origin',
      'x-amz-signature',
    ]);
    const created = out.v4_created;
    assert.equal(created.status, 201, created.body);
    assert.match(created.body, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<PostResponse><Location>[^<]+\/boto-post\/v4\/hello\.txt<\/Location><Bucket>boto-post<\/Bucket><Key>v4\/hello\.txt<\/Key><ETag>&quot;[0-9a-f]{32}&quot;<\/ETag><\/PostResponse>$/);
    assert.equal(await read('v4/hello.txt'), 'hello from boto3 v4');
    const head = await t.s3().send(new GetObjectCommand({ Bucket: 'boto-post', Key: 'v4/hello.txt' }));
    assert.equal(head.ContentType, 'text/plain');
    assert.deepEqual(head.Metadata, { origin: 'boto3' });
  });

  it('V4 form: content-length-range, conditions and signature refuse as AWS does', () => {
    assert.equal(out.v4_too_large.status, 400);
    assert.deepEqual(out.v4_too_large.error, {
      Code: 'EntityTooLarge',
      Message: 'Your proposed upload exceeds the maximum allowed size',
      ProposedSize: '101',
      MaxSizeAllowed: '100',
      RequestId: out.v4_too_large.error.RequestId,
      HostId: out.v4_too_large.error.HostId,
    });
    assert.equal(out.v4_wrong_key.status, 403);
    assert.equal(out.v4_wrong_key.error.Code, 'AccessDenied');
    assert.equal(out.v4_wrong_key.error.Message, 'Invalid according to Policy: Policy Condition failed: ["starts-with", "$key", "v4/"]');
    assert.equal(out.v4_bad_signature.status, 403);
    assert.equal(out.v4_bad_signature.error.Code, 'SignatureDoesNotMatch');
    assert.equal(out.v4_bad_signature.error.StringToSign, out.v4_policy);
    assert.equal(out.v4_bad_signature.error.SignatureProvided, '0'.repeat(64));
    assert.equal(out.v4_bad_signature.error.AWSAccessKeyId, t.credentials.accessKeyId);
  });

  it('V4 form: success_action_redirect answers 303 to the page', () => {
    const r = out.v4_redirect;
    assert.equal(r.status, 303, r.body);
    assert.match(r.location, /^https:\/\/app\.example\.com\/uploaded\?bucket=boto-post&key=v4%2Fredirected\.txt&etag=%22[0-9a-f]{32}%22$/);
  });

  it('V2 form (signature_version "s3"): 204, and its refusals', async () => {
    assert.deepEqual(out.v2_fields, ['AWSAccessKeyId', 'key', 'policy', 'signature']);
    assert.equal(out.v2_default.status, 204, out.v2_default.body);
    assert.match(out.v2_default.etag, /^"[0-9a-f]{32}"$/);
    assert.equal(await read('v2/plain.txt'), 'hello from boto3 v2');
    assert.equal(out.v2_extra_field.status, 403);
    assert.equal(out.v2_extra_field.error.Message, 'Invalid according to Policy: Extra input fields: x-amz-meta-sneaky');
    assert.equal(out.v2_bad_signature.status, 403);
    assert.equal(out.v2_bad_signature.error.Code, 'SignatureDoesNotMatch');
    assert.deepEqual(
      Object.keys(out.v2_bad_signature.error),
      ['Code', 'Message', 'AWSAccessKeyId', 'StringToSign', 'SignatureProvided', 'StringToSignBytes', 'RequestId', 'HostId'],
    );
  });

  it('a boto3 form after the server clock passed its expiration: Policy expired', async () => {
    const { url, fields } = out.late as { url: string; fields: Record<string, string> };
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob(['late']), 'late.txt');
    t.clock.advance(61_000);
    try {
      const res = await fetch(url, { method: 'POST', body: form });
      const error = Object.fromEntries(errorFields(await res.text()));
      assert.equal(res.status, 403);
      assert.equal(error.Code, 'AccessDenied');
      assert.equal(error.Message, 'Invalid according to Policy: Policy expired.');
    } finally {
      t.clock.advance(-61_000);
    }
  });

  it('a boto3 form sent by curl -F', { skip: missingTool(CURL, 'curl') }, async () => {
    const { url, fields } = out.curl as { url: string; fields: Record<string, string> };
    const file = join(mkdtempSync(join(tmpdir(), 'coffer-post-')), 'from curl.txt');
    writeFileSync(file, 'sent by curl -F\n');
    const args = Object.entries(fields).flatMap(([name, value]) => ['--form-string', `${name}=${value}`]);
    const r = await runTool(CURL, ['-sS', '-o', '/dev/null', '-w', '%{http_code}', ...args, '-F', `file=@${file}`, url]);
    assert.equal(r.stdout, '204', r.stderr);
    assert.equal(await read('curl/from curl.txt'), 'sent by curl -F\n');
  });
});
