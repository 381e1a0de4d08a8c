/**
 * Browser POST uploads (POST Object) with forms made by the AWS SDK v3's `createPresignedPost`
 * and sent with plain fetch + FormData, as a web page would: the success answers, and every way a
 * policy refuses an upload, with AWS's codes, messages and fields — nothing stored on failure.
 */
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost, type PresignedPostOptions } from '@aws-sdk/s3-presigned-post';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startTestCoffer, type TestCoffer } from './harness.ts';
import { assertS3Error } from './assert-s3-error.ts';
import { errorFields } from './raw-request.ts';

const BUCKET = 'post';

interface Sent {
  status: number;
  headers: Headers;
  body: string;
  error: Record<string, string>;
}

/** The form as a page would send it: fields in order, the file last. */
async function send(
  url: string,
  fields: Record<string, string> | Array<[string, string]>,
  file: { data: string | Uint8Array; name?: string; type?: string } | undefined,
  after: Array<[string, string]> = [],
): Promise<Sent> {
  const form = new FormData();
  for (const [name, value] of Array.isArray(fields) ? fields : Object.entries(fields)) form.append(name, value);
  if (file !== undefined) form.append('file', new Blob([file.data as BlobPart], { type: file.type ?? 'application/octet-stream' }), file.name ?? 'upload.bin');
  for (const [name, value] of after) form.append(name, value);
  const res = await fetch(url, { method: 'POST', body: form, redirect: 'manual' });
  const body = await res.text();
  return { status: res.status, headers: res.headers, body, error: Object.fromEntries(errorFields(body)) };
}

/** The same form over a given agent (node:http), to see which connection carried it. */
async function sendOnAgent(
  agent: Agent,
  url: string,
  fields: Record<string, string>,
  file: { data: Uint8Array },
): Promise<Sent & { localPort: number }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([file.data as BlobPart]), 'upload.bin');
  const encoded = new Response(form);
  const body = Buffer.from(await encoded.arrayBuffer());
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: { 'content-type': encoded.headers.get('content-type')!, 'content-length': body.length },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: new Headers(),
            body: text,
            error: Object.fromEntries(errorFields(text)),
            localPort: req.socket?.localPort ?? -1,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function assertError(sent: Sent, expected: { status: number; code: string; message?: string; fields?: Record<string, string> }): void {
  assert.equal(sent.status, expected.status, sent.body);
  assert.equal(sent.error.Code, expected.code, sent.body);
  if (expected.message !== undefined) assert.equal(sent.error.Message, expected.message);
  for (const [name, value] of Object.entries(expected.fields ?? {})) assert.equal(sent.error[name], value, name);
}

describe('POST Object (browser uploads with a policy)', () => {
  let t: TestCoffer;
  let s3: S3Client;
  const presign = (options: Partial<PresignedPostOptions> & { Key: string }, client: S3Client = s3) =>
    createPresignedPost(client, { Bucket: BUCKET, Expires: 300, ...options });
  const absent = (key: string) => assertS3Error(s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key })), { code: 'NotFound', status: 404 });

  before(async () => {
    t = await startTestCoffer();
    s3 = t.s3();
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await s3.send(new CreateBucketCommand({ Bucket: 'other' }));
  });
  after(() => t.stop());

  describe('success', () => {
    it('204 by default, with ETag and Location; ${filename} expanded; attributes from the fields', async () => {
      const { url, fields } = await presign({
        Key: 'uploads/${filename}',
        Fields: { 'Content-Type': 'text/plain', 'x-amz-meta-color': 'blue', 'Cache-Control': 'max-age=60' },
      });
      const sent = await send(url, fields, { data: 'hello from a browser', name: 'hello.txt', type: 'image/png' });
      assert.equal(sent.status, 204, sent.body);
      assert.equal(sent.body, '');
      const md5 = createHash('md5').update('hello from a browser').digest('hex');
      assert.equal(sent.headers.get('etag'), `"${md5}"`);
      assert.equal(sent.headers.get('location'), `${t.endpoint}/${BUCKET}/uploads/hello.txt`);

      const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'uploads/hello.txt' }));
      assert.equal(await got.Body!.transformToString(), 'hello from a browser');
      // The form's Content-Type field, not the file part's own type.
      assert.equal(got.ContentType, 'text/plain');
      assert.equal(got.CacheControl, 'max-age=60');
      assert.deepEqual(got.Metadata, { color: 'blue' });
    });

    it('201 with the PostResponse document', async () => {
      const { url, fields } = await presign({ Key: 'created.txt', Fields: { success_action_status: '201' } });
      const sent = await send(url, fields, { data: 'x' });
      assert.equal(sent.status, 201, sent.body);
      const etag = `"${createHash('md5').update('x').digest('hex')}"`;
      assert.equal(
        sent.body,
        `<?xml version="1.0" encoding="UTF-8"?>\n<PostResponse><Location>${t.endpoint}/${BUCKET}/created.txt</Location><Bucket>${BUCKET}</Bucket><Key>created.txt</Key><ETag>${etag.replace(/"/g, '&quot;')}</ETag></PostResponse>`,
      );
      assert.equal(sent.headers.get('content-type'), 'application/xml');
    });

    it('200 empty; any other success_action_status is 204', async () => {
      for (const [status, expected] of [['200', 200], ['202', 204]] as const) {
        const { url, fields } = await presign({ Key: `status-${status}`, Fields: { success_action_status: status } });
        const sent = await send(url, fields, { data: 'x' });
        assert.equal(sent.status, expected, sent.body);
        assert.equal(sent.body, '');
      }
    });

    it('success_action_redirect: 303 See Other with bucket, key and etag', async () => {
      const { url, fields } = await presign({ Key: 'dir/redirected file.txt', Fields: { success_action_redirect: 'https://app.example.com/done?from=upload' } });
      const sent = await send(url, fields, { data: 'y' });
      assert.equal(sent.status, 303, sent.body);
      const etag = createHash('md5').update('y').digest('hex');
      assert.equal(
        sent.headers.get('location'),
        `https://app.example.com/done?from=upload&bucket=${BUCKET}&key=dir%2Fredirected%20file.txt&etag=%22${etag}%22`,
      );
    });

    it('fields after the file are ignored; a 5 MiB file streams through intact', async () => {
      const data = randomBytes(5 * 1024 * 1024 + 3);
      const { url, fields } = await presign({ Key: 'big.bin' });
      const sent = await send(url, fields, { data }, [['x-amz-meta-late', 'ignored, not even "extra"']]);
      assert.equal(sent.status, 204, sent.body);
      const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'big.bin' }));
      assert.equal(head.ContentLength, data.length);
      assert.equal(head.ETag, `"${createHash('md5').update(data).digest('hex')}"`);
      assert.deepEqual(head.Metadata, {});
    });

    it('the acl field is the x-amz-acl of PutObject (ACLs disabled by default: only private ones)', async () => {
      const { url, fields } = await presign({ Key: 'acl-private', Fields: { acl: 'bucket-owner-full-control' } });
      assert.equal((await send(url, fields, { data: 'x' })).status, 204);
      const { url: url2, fields: fields2 } = await presign({ Key: 'acl-public', Fields: { acl: 'public-read' } });
      assertError(await send(url2, fields2, { data: 'x' }), { status: 400, code: 'AccessControlListNotSupported', message: 'The bucket does not allow ACLs' });
      await absent('acl-public');
    });

    it('a checksum field is verified and stored; a wrong one is BadDigest, nothing stored', async () => {
      const sha256 = createHash('sha256').update('checked').digest('base64');
      const { url, fields } = await presign({ Key: 'checked', Fields: { 'x-amz-checksum-sha256': sha256 } });
      assert.equal((await send(url, fields, { data: 'checked' })).status, 204);
      const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'checked', ChecksumMode: 'ENABLED' }));
      assert.equal(head.ChecksumSHA256, sha256);
      const { url: url2, fields: fields2 } = await presign({ Key: 'unchecked', Fields: { 'x-amz-checksum-sha256': sha256 } });
      assertError(await send(url2, fields2, { data: 'tampered' }), {
        status: 400,
        code: 'BadDigest',
        message: 'The SHA256 you specified did not match the calculated checksum.',
      });
      await absent('unchecked');
    });

    it('field names are case-insensitive', async () => {
      const { url, fields } = await presign({ Key: 'cased.txt' });
      const shouted = Object.entries(fields).map(([n, v]): [string, string] => [n.toUpperCase(), v]);
      const sent = await send(url, shouted, { data: 'z' });
      assert.equal(sent.status, 204, sent.body);
    });
  });

  describe('the policy refuses', () => {
    it('a key other than the signed one: Policy Condition failed', async () => {
      const { url, fields } = await presign({ Key: 'expected.txt' });
      const sent = await send(url, { ...fields, key: 'other.txt' }, { data: 'x' });
      assertError(sent, {
        status: 403,
        code: 'AccessDenied',
        message: 'Invalid according to Policy: Policy Condition failed: ["eq", "$key", "expected.txt"]',
      });
      await absent('other.txt');
    });

    it('a starts-with condition (Content-Type)', async () => {
      const { url, fields } = await presign({ Key: 'img', Conditions: [['starts-with', '$Content-Type', 'image/']] });
      const sent = await send(url, { ...fields, 'Content-Type': 'text/html' }, { data: 'x' });
      assertError(sent, { status: 403, code: 'AccessDenied', message: 'Invalid according to Policy: Policy Condition failed: ["starts-with", "$Content-Type", "image/"]' });
      assert.equal((await send(url, { ...fields, 'Content-Type': 'image/png' }, { data: 'x' })).status, 204);
    });

    it('a field the policy does not name: Extra input fields', async () => {
      const { url, fields } = await presign({ Key: 'extra' });
      const sent = await send(url, { ...fields, 'x-amz-meta-foo': 'bar', 'x-ignore-me': 'fine' }, { data: 'x' });
      assertError(sent, { status: 403, code: 'AccessDenied', message: 'Invalid according to Policy: Extra input fields: x-amz-meta-foo' });
    });

    it('another bucket than the policy names', async () => {
      const { url, fields } = await presign({ Key: 'k' });
      const sent = await send(url.replace(`/${BUCKET}`, '/other'), fields, { data: 'x' });
      assertError(sent, { status: 403, code: 'AccessDenied', message: `Invalid according to Policy: Policy Condition failed: ["eq", "$bucket", "${BUCKET}"]` });
    });

    it('content-length-range: EntityTooLarge / EntityTooSmall, nothing stored', async () => {
      const { url, fields } = await presign({ Key: 'ranged', Conditions: [['content-length-range', 2, 10]] });
      assertError(await send(url, fields, { data: 'x'.repeat(11) }), {
        status: 400,
        code: 'EntityTooLarge',
        message: 'Your proposed upload exceeds the maximum allowed size',
        fields: { ProposedSize: '11', MaxSizeAllowed: '10' },
      });
      await absent('ranged');
      assertError(await send(url, fields, { data: 'x' }), {
        status: 400,
        code: 'EntityTooSmall',
        message: 'Your proposed upload is smaller than the minimum allowed size',
        fields: { ProposedSize: '1', MinSizeAllowed: '2' },
      });
      await absent('ranged');
      assert.equal((await send(url, fields, { data: 'x'.repeat(10) })).status, 204);
    });

    it('content-length-range with a large file over the limit: the whole size is reported', async () => {
      const { url, fields } = await presign({ Key: 'big-ranged', Conditions: [['content-length-range', 0, 1024 * 1024]] });
      const sent = await send(url, fields, { data: randomBytes(3 * 1024 * 1024) });
      assertError(sent, { status: 400, code: 'EntityTooLarge', fields: { ProposedSize: String(3 * 1024 * 1024), MaxSizeAllowed: String(1024 * 1024) } });
      await absent('big-ranged');
    });

    it('after the expiration (the server clock moved): Policy expired', async () => {
      const { url, fields } = await presign({ Key: 'late', Expires: 60 });
      t.clock.advance(61_000);
      try {
        assertError(await send(url, fields, { data: 'x' }), { status: 403, code: 'AccessDenied', message: 'Invalid according to Policy: Policy expired.' });
      } finally {
        t.clock.advance(-61_000);
      }
      await absent('late');
    });
  });

  describe('credentials', () => {
    it('a wrong signature: SignatureDoesNotMatch with the policy as StringToSign', async () => {
      const { url, fields } = await presign({ Key: 'sig' });
      const signature = 'f'.repeat(64);
      const sent = await send(url, { ...fields, 'X-Amz-Signature': signature }, { data: 'x' });
      assertError(sent, {
        status: 403,
        code: 'SignatureDoesNotMatch',
        message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
        fields: { AWSAccessKeyId: t.credentials.accessKeyId, StringToSign: fields.Policy!, SignatureProvided: signature },
      });
      assert.deepEqual(errorFields(sent.body).map(([n]) => n), ['Code', 'Message', 'AWSAccessKeyId', 'StringToSign', 'SignatureProvided', 'StringToSignBytes', 'RequestId', 'HostId']);
    });

    it('an unknown access key: InvalidAccessKeyId', async () => {
      const stranger = t.s3({ credentials: { accessKeyId: 'AKIAUNKNOWNUNKNOWN00', secretAccessKey: 'nope' } });
      const { url, fields } = await presign({ Key: 'stranger' }, stranger);
      assertError(await send(url, fields, { data: 'x' }), {
        status: 403,
        code: 'InvalidAccessKeyId',
        message: 'The AWS Access Key Id you provided does not exist in our records.',
        fields: { AWSAccessKeyId: 'AKIAUNKNOWNUNKNOWN00' },
      });
    });

    it('a wrong region in x-amz-credential: InvalidArgument naming the field', async () => {
      const { url, fields } = await presign({ Key: 'region' }, t.s3({ region: 'eu-west-1' }));
      assertError(await send(url, fields, { data: 'x' }), {
        status: 400,
        code: 'InvalidArgument',
        message: "the region 'eu-west-1' is wrong; expecting 'us-east-1'",
        fields: { ArgumentName: 'x-amz-credential', ArgumentValue: fields['X-Amz-Credential']! },
      });
    });

    it('a missing signature field: InvalidArgument', async () => {
      const { url, fields } = await presign({ Key: 'nosig' });
      const { 'X-Amz-Signature': _, ...rest } = fields;
      assertError(await send(url, rest, { data: 'x' }), {
        status: 400,
        code: 'InvalidArgument',
        message: "Bucket POST must contain a field named 'X-Amz-Signature'.  If it is specified, please check the order of the fields.",
        fields: { ArgumentName: 'X-Amz-Signature', ArgumentValue: '' },
      });
    });

    it('anonymous (no credentials at all) on a private bucket: AccessDenied', async () => {
      assertError(await send(`${t.endpoint}/${BUCKET}`, { key: 'anon' }, { data: 'x' }), { status: 403, code: 'AccessDenied', message: 'Access Denied' });
      await absent('anon');
    });
  });

  describe('one keep-alive connection', () => {
    // Bodies large enough that they cannot sit in socket buffers when the refusal is sent: the
    // rest must be drained, or the next request on the connection would never be read.
    const big = () => ({ data: randomBytes(4 * 1024 * 1024) });
    let agent: Agent;
    before(() => {
      agent = new Agent({ keepAlive: true, maxSockets: 1 });
    });
    after(() => agent.destroy());

    it('carries request after request whatever refused the upload, and where', async () => {
      const { url, fields } = await presign({ Key: 'kept' });
      const ports = new Set<number>();
      const refusals: Array<[Record<string, string>, string]> = [
        [{ key: 'anon' }, 'AccessDenied'], // by the authorizer, before the file is read
        [{ ...fields, 'X-Amz-Signature': '0'.repeat(64) }, 'SignatureDoesNotMatch'], // by authentication
        [{ ...fields, 'x-amz-storage-class': 'NOPE' }, 'AccessDenied'], // by the policy (extra field)
      ];
      for (const [form, code] of refusals) {
        const sent = await sendOnAgent(agent, form.key === 'anon' ? `${t.endpoint}/${BUCKET}` : url, form, big());
        assert.equal(sent.error.Code, code, sent.body);
        ports.add(sent.localPort);
      }
      const { url: url2, fields: fields2 } = await presign({ Key: 'kept', Fields: { 'x-amz-storage-class': 'NOPE' } });
      const invalidClass = await sendOnAgent(agent, url2, fields2, big()); // by the handler, before the file is read
      assert.equal(invalidClass.error.Code, 'InvalidStorageClass', invalidClass.body);
      ports.add(invalidClass.localPort);
      const ok = await sendOnAgent(agent, url, fields, big());
      assert.equal(ok.status, 204, ok.body);
      ports.add(ok.localPort);
      assert.equal(ports.size, 1, 'every request went over the same connection');
    });
  });

  describe('the form itself', () => {
    it('not multipart/form-data: 412 RequestIsNotMultiPartContent', async () => {
      const res = await fetch(`${t.endpoint}/${BUCKET}`, { method: 'POST', body: new URLSearchParams({ key: 'k' }) });
      const error = Object.fromEntries(errorFields(await res.text()));
      assert.equal(res.status, 412);
      assert.equal(error.Code, 'RequestIsNotMultiPartContent');
      assert.equal(error.Message, 'A bucket POST request must be of the enclosure-type multipart/form-data.');
    });

    it('no file: 400 IncorrectNumberOfFilesInPostRequest', async () => {
      const { url, fields } = await presign({ Key: 'nofile' });
      assertError(await send(url, fields, undefined), {
        status: 400,
        code: 'IncorrectNumberOfFilesInPostRequest',
        message: 'POST requires exactly one file upload per request.',
      });
    });

    it('no key: 400 InvalidArgument', async () => {
      const { url, fields } = await presign({ Key: 'k' });
      const { key: _, ...rest } = fields;
      assertError(await send(url, rest, { data: 'x' }), {
        status: 400,
        code: 'InvalidArgument',
        message: "Bucket POST must contain a field named 'key'.  If it is specified, please check the order of the fields.",
        fields: { ArgumentName: 'key', ArgumentValue: '' },
      });
    });

    it('broken multipart: 400 MalformedPOSTRequest', async () => {
      const res = await fetch(`${t.endpoint}/${BUCKET}`, {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
        body: '--xyz\r\nContent-Disposition: form-data; name="key"\r\n\r\nk\r\n--xyz\r\nContent-Disposition: form-data; name="acl"\r\n\r\npriv',
      });
      const error = Object.fromEntries(errorFields(await res.text()));
      assert.equal(res.status, 400);
      assert.equal(error.Code, 'MalformedPOSTRequest');
      assert.equal(error.Message, 'The body of your POST request is not well-formed multipart/form-data.');
    });

    it('a bucket that does not exist: 404 NoSuchBucket', async () => {
      const { fields } = await presign({ Key: 'k' });
      assertError(await send(`${t.endpoint}/no-such-bucket`, fields, { data: 'x' }), { status: 404, code: 'NoSuchBucket' });
    });
  });
});
