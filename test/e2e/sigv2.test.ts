/**
 * Signature Version 2 against the running server, with requests signed here by hand (the string
 * to sign written out, HMAC-SHA1 by node:crypto): header form (Date, x-amz-date, virtual-hosted
 * buckets, sub-resources, an unsigned plain body) and query form (presigned URLs fetched with
 * fetch()), then every refusal by status, code, message and XML fields, and `--sigv2=off`.
 */
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { httpDate, isoSeconds } from '../../src/lib/dates.ts';
import { startTestCoffer, type TestCoffer } from './harness.ts';
import { errorField, errorFields, rawRequest, type RawResponse } from './raw-request.ts';

const B = 'sigv2';
const MISMATCH = 'The request signature we calculated does not match the signature you provided. Check your key and signing method.';

const sign = (secret: string, stringToSign: string) => createHmac('sha1', secret).update(stringToSign, 'utf8').digest('base64');
const bytesOf = (text: string) => [...Buffer.from(text, 'utf8')].map((b) => b.toString(16).padStart(2, '0')).join(' ');
const fieldsOf = (res: RawResponse) => Object.fromEntries(errorFields(res.body)) as Record<string, string>;

describe('SigV2 (header and query form)', () => {
  let t: TestCoffer;
  const akid = () => t.credentials.accessKeyId;
  const secret = () => t.credentials.secretAccessKey;

  /** A header-signed request: `stringToSign` is the whole string the test claims the client signed. */
  const v2 = (r: { method: string; path: string; headers?: Record<string, string>; body?: string; stringToSign: string; secret?: string; akid?: string }) =>
    rawRequest(t.endpoint, {
      method: r.method,
      path: r.path,
      body: r.body,
      headers: { ...r.headers, authorization: `AWS ${r.akid ?? akid()}:${sign(r.secret ?? secret(), r.stringToSign)}` },
    });

  /** A presigned V2 URL for GET `path`, expiring at `expires` (epoch seconds). */
  const presign = (path: string, expires: number, options: { secret?: string; akid?: string; resource?: string } = {}) => {
    const signature = sign(options.secret ?? secret(), `GET\n\n\n${expires}\n${options.resource ?? path}`);
    return `${t.endpoint}${path}?AWSAccessKeyId=${options.akid ?? akid()}&Expires=${expires}&Signature=${encodeURIComponent(signature)}`;
  };

  before(async () => {
    t = await startTestCoffer();
    const date = httpDate(t.clock.now());
    const res = await v2({ method: 'PUT', path: `/${B}`, headers: { date }, stringToSign: `PUT\n\n\n${date}\n/${B}/` });
    assert.equal(res.status, 200, res.body);
  });
  after(() => t.stop());

  it('header form: PUT with Content-MD5, Content-Type and metadata (unsigned plain body), then GET, list and delete', async () => {
    const body = 'hello from SigV2';
    const md5 = createHash('md5').update(body).digest('base64');
    const date = httpDate(t.clock.now());
    const put = await v2({
      method: 'PUT',
      path: `/${B}/dir/hello%20world.txt`,
      body,
      headers: { date, 'content-type': 'text/plain', 'content-md5': md5, 'x-amz-meta-Owner': ' Ada ', 'content-length': String(body.length) },
      stringToSign: `PUT\n${md5}\ntext/plain\n${date}\nx-amz-meta-owner:Ada\n/${B}/dir/hello%20world.txt`,
    });
    assert.equal(put.status, 200, put.body);
    assert.equal(put.headers.etag, `"${createHash('md5').update(body).digest('hex')}"`);

    const get = await v2({ method: 'GET', path: `/${B}/dir/hello%20world.txt`, headers: { date }, stringToSign: `GET\n\n\n${date}\n/${B}/dir/hello%20world.txt` });
    assert.equal(get.status, 200, get.body);
    assert.equal(get.body, body);
    assert.equal(get.headers['x-amz-meta-owner'], 'Ada');
    assert.equal(get.headers['content-type'], 'text/plain');

    // List parameters are not sub-resources: not signed; the bucket root is `/bucket/` even as `/bucket`.
    const list = await v2({ method: 'GET', path: `/${B}?list-type=2&prefix=dir%2F`, headers: { date }, stringToSign: `GET\n\n\n${date}\n/${B}/` });
    assert.equal(list.status, 200, list.body);
    assert.match(list.body, /<Key>dir\/hello world.txt<\/Key>/);

    const buckets = await v2({ method: 'GET', path: '/', headers: { date }, stringToSign: `GET\n\n\n${date}\n/` });
    assert.equal(buckets.status, 200, buckets.body);
    assert.match(buckets.body, new RegExp(`<Name>${B}</Name>`));

    const del = await v2({ method: 'DELETE', path: `/${B}/dir/hello%20world.txt`, headers: { date }, stringToSign: `DELETE\n\n\n${date}\n/${B}/dir/hello%20world.txt` });
    assert.equal(del.status, 204, del.body);
  });

  it('header form with x-amz-date only (as s3cmd signs: empty Date line, x-amz-date among the amz headers)', async () => {
    const amzDate = httpDate(t.clock.now()).replace('GMT', '+0000');
    const res = await v2({ method: 'GET', path: `/${B}?location`, headers: { 'x-amz-date': amzDate }, stringToSign: `GET\n\n\n\nx-amz-date:${amzDate}\n/${B}/?location` });
    assert.equal(res.status, 200, res.body);
    assert.match(res.body, /LocationConstraint/);
    // AWS's own "Delete" example form: the x-amz-date value on the Date line, no amz line.
    const variant = await v2({ method: 'GET', path: `/${B}?location`, headers: { 'x-amz-date': amzDate }, stringToSign: `GET\n\n\n${amzDate}\n/${B}/?location` });
    assert.equal(variant.status, 200, variant.body);
  });

  it('virtual-hosted style: the bucket from the Host header starts the CanonicalizedResource', async () => {
    const date = httpDate(t.clock.now());
    const vhost = `${B}.localhost:${new URL(t.endpoint).port}`;
    const put = await v2({ method: 'PUT', path: '/vhost.txt', body: 'v', headers: { host: vhost, date }, stringToSign: `PUT\n\n\n${date}\n/${B}/vhost.txt` });
    assert.equal(put.status, 200, put.body);
    const root = await v2({ method: 'GET', path: '/?prefix=vh', headers: { host: vhost, date }, stringToSign: `GET\n\n\n${date}\n/${B}/` });
    assert.equal(root.status, 200, root.body);
    assert.match(root.body, /<Key>vhost.txt<\/Key>/);
  });

  it('query form: a presigned V2 URL works with plain fetch()', async () => {
    const date = httpDate(t.clock.now());
    await v2({ method: 'PUT', path: `/${B}/shared.txt`, body: 'shared', headers: { date }, stringToSign: `PUT\n\n\n${date}\n/${B}/shared.txt` });
    const expires = Math.floor(t.clock.now() / 1000) + 300;
    const res = await fetch(presign(`/${B}/shared.txt`, expires));
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'shared');
    // Signed response overrides are sub-resources.
    const overridden = `${presign(`/${B}/shared.txt`, expires, { resource: `/${B}/shared.txt?response-content-type=application/x-test` })}&response-content-type=application%2Fx-test`;
    const got = await fetch(overridden);
    assert.equal(got.status, 200, await got.clone().text());
    assert.equal(got.headers.get('content-type'), 'application/x-test');
  });

  it('query form after Expires: 403 "Request has expired" with Expires and ServerTime (no X-Amz-Expires), even with a bad signature', async () => {
    const expires = Math.floor(t.clock.now() / 1000) + 60;
    const url = presign(`/${B}/shared.txt`, expires);
    t.clock.advance(120_000);
    try {
      for (const u of [url, presign(`/${B}/shared.txt`, expires, { secret: 'wrong' }), presign(`/${B}/shared.txt`, expires, { akid: 'AKIAUNKNOWNKEY000000' })]) {
        const res = await fetch(u);
        assert.equal(res.status, 403);
        const fields = errorFields(await res.text());
        assert.deepEqual(fields.map(([n]) => n), ['Code', 'Message', 'Expires', 'ServerTime', 'RequestId', 'HostId']);
        const f = Object.fromEntries(fields);
        assert.equal(f.Code, 'AccessDenied');
        assert.equal(f.Message, 'Request has expired');
        assert.equal(f.Expires, isoSeconds(expires * 1000));
        assert.match(f.ServerTime!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
        assert.ok(Date.parse(f.ServerTime!) >= expires * 1000);
      }
    } finally {
      t.clock.advance(-120_000);
    }
  });

  it('query form with some but not all parameters: 403 AccessDenied naming the three', async () => {
    const url = new URL(presign(`/${B}/shared.txt`, Math.floor(t.clock.now() / 1000) + 60));
    for (const drop of ['AWSAccessKeyId', 'Expires', 'Signature']) {
      const u = new URL(url);
      u.searchParams.delete(drop);
      const res = await fetch(u);
      assert.equal(res.status, 403, drop);
      const f = fieldsOf({ status: res.status, headers: {}, body: await res.text() });
      assert.equal(f.Code, 'AccessDenied');
      assert.equal(f.Message, 'Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters');
    }
  });

  it('query form with a bad signature: 403 SignatureDoesNotMatch with SigV2’s four elements', async () => {
    const expires = Math.floor(t.clock.now() / 1000) + 60;
    const res = await fetch(presign(`/${B}/shared.txt`, expires, { secret: 'wrong' }));
    assert.equal(res.status, 403);
    const body = await res.text();
    assert.deepEqual(errorFields(body).map(([n]) => n), ['Code', 'Message', 'AWSAccessKeyId', 'StringToSign', 'SignatureProvided', 'StringToSignBytes', 'RequestId', 'HostId']);
    const stringToSign = `GET\n\n\n${expires}\n/${B}/shared.txt`;
    assert.equal(errorField(body, 'Code'), 'SignatureDoesNotMatch');
    assert.equal(errorField(body, 'Message'), MISMATCH);
    assert.equal(errorField(body, 'AWSAccessKeyId'), akid());
    assert.equal(errorField(body, 'StringToSign'), stringToSign);
    assert.equal(errorField(body, 'SignatureProvided'), sign('wrong', stringToSign));
    assert.equal(errorField(body, 'StringToSignBytes'), bytesOf(stringToSign));
  });

  it('header form with a bad signature: 403 SignatureDoesNotMatch, the documented string, no canonical request', async () => {
    const date = httpDate(t.clock.now());
    const res = await v2({ method: 'GET', path: `/${B}/shared.txt?versionId=null&max-keys=1`, headers: { date, 'x-amz-meta-a': 'b' }, stringToSign: 'whatever', secret: 'wrong' });
    assert.equal(res.status, 403);
    const stringToSign = `GET\n\n\n${date}\nx-amz-meta-a:b\n/${B}/shared.txt?versionId=null`;
    assert.deepEqual(fieldsOf(res), {
      Code: 'SignatureDoesNotMatch',
      Message: MISMATCH,
      AWSAccessKeyId: akid(),
      StringToSign: stringToSign,
      SignatureProvided: sign('wrong', 'whatever'),
      StringToSignBytes: bytesOf(stringToSign),
      RequestId: res.headers['x-amz-request-id'],
      HostId: res.headers['x-amz-id-2'],
    });
  });

  it('header form more than 15 minutes off: 403 RequestTimeTooSkewed with the raw time, server time and limit', async () => {
    const date = httpDate(t.clock.now());
    t.clock.advance(20 * 60_000);
    try {
      const res = await v2({ method: 'GET', path: `/${B}/shared.txt`, headers: { date }, stringToSign: `GET\n\n\n${date}\n/${B}/shared.txt` });
      assert.equal(res.status, 403);
      const f = fieldsOf(res);
      assert.deepEqual(errorFields(res.body).map(([n]) => n).slice(0, 5), ['Code', 'Message', 'RequestTime', 'ServerTime', 'MaxAllowedSkewMilliseconds']);
      assert.equal(f.Code, 'RequestTimeTooSkewed');
      assert.equal(f.Message, 'The difference between the request time and the current time is too large.');
      assert.equal(f.RequestTime, date);
      assert.equal(f.MaxAllowedSkewMilliseconds, '900000');
      assert.ok(Date.parse(f.ServerTime!) - Date.parse(date) >= 20 * 60_000 - 1000);
    } finally {
      t.clock.advance(-20 * 60_000);
    }
  });

  it('header form without a valid Date or x-amz-date: 403 AccessDenied', async () => {
    for (const headers of [{}, { date: 'yesterday' }, { 'x-amz-date': '', date: httpDate(t.clock.now()) }, { date: 'Fri, 07 Jul 1950 21:53:04 GMT' }] as Array<Record<string, string>>) {
      const res = await v2({ method: 'GET', path: `/${B}/shared.txt`, headers, stringToSign: 'x' });
      assert.equal(res.status, 403, JSON.stringify(headers));
      assert.equal(errorField(res.body, 'Code'), 'AccessDenied');
      assert.equal(errorField(res.body, 'Message'), 'AWS authentication requires a valid Date or x-amz-date header');
    }
  });

  it('a malformed AWS Authorization header: 400 InvalidArgument with ArgumentName and ArgumentValue', async () => {
    const cases: Array<[string, string]> = [
      [`AWS ${akid()}`, 'AWS authorization header is invalid.  Expected AwsAccessKeyId:signature'],
      [`AWS ${akid()}:sig extra`, "Authorization header is invalid -- one and only one ' ' (space) required."],
    ];
    for (const [value, message] of cases) {
      const res = await rawRequest(t.endpoint, { method: 'GET', path: `/${B}/shared.txt`, headers: { date: httpDate(t.clock.now()), authorization: value } });
      assert.equal(res.status, 400, value);
      const f = fieldsOf(res);
      assert.equal(f.Code, 'InvalidArgument');
      assert.equal(f.Message, message);
      assert.equal(f.ArgumentName, 'Authorization');
      assert.equal(f.ArgumentValue, value);
    }
  });

  it('an unknown or deactivated access key: 403 InvalidAccessKeyId', async () => {
    const date = httpDate(t.clock.now());
    const key = await t.coffer.identity.createAccessKey({ accountId: t.coffer.account.accountId });
    const req = (id: string) =>
      v2({ method: 'GET', path: `/${B}/shared.txt`, headers: { date }, stringToSign: `GET\n\n\n${date}\n/${B}/shared.txt`, akid: id, secret: key.secretAccessKey });
    assert.equal((await req(key.accessKeyId)).status, 200);
    await t.coffer.identity.setAccessKeyStatus(key.accessKeyId, 'Inactive');
    for (const id of [key.accessKeyId, 'AKIAUNKNOWNKEY000000']) {
      const res = await req(id);
      assert.equal(res.status, 403);
      assert.deepEqual(errorFields(res.body).slice(0, 3), [
        ['Code', 'InvalidAccessKeyId'],
        ['Message', 'The AWS Access Key Id you provided does not exist in our records.'],
        ['AWSAccessKeyId', id],
      ]);
    }
    await t.coffer.identity.deleteAccessKey(key.accessKeyId);
  });

  it('HEAD refused: the status only, no body', async () => {
    const date = httpDate(t.clock.now());
    const res = await v2({ method: 'HEAD', path: `/${B}/shared.txt`, headers: { date }, stringToSign: 'wrong' });
    assert.equal(res.status, 403);
    assert.equal(res.body, '');
  });

});

describe('SigV2 with --sigv2=off', () => {
  let t: TestCoffer;
  before(async () => {
    t = await startTestCoffer({ config: { sigv2: false } });
  });
  after(() => t.stop());

  it('both forms: 400 InvalidRequest "…Please use AWS4-HMAC-SHA256."', async () => {
    const date = httpDate(t.clock.now());
    const { accessKeyId, secretAccessKey } = t.credentials;
    const header = await rawRequest(t.endpoint, {
      method: 'GET',
      path: '/',
      headers: { date, authorization: `AWS ${accessKeyId}:${sign(secretAccessKey, `GET\n\n\n${date}\n/`)}` },
    });
    const expires = Math.floor(t.clock.now() / 1000) + 60;
    const query = await fetch(`${t.endpoint}/?AWSAccessKeyId=${accessKeyId}&Expires=${expires}&Signature=${encodeURIComponent(sign(secretAccessKey, `GET\n\n\n${expires}\n/`))}`);
    for (const res of [header, { status: query.status, headers: {}, body: await query.text() }]) {
      assert.equal(res.status, 400);
      assert.deepEqual(errorFields(res.body).slice(0, 2), [
        ['Code', 'InvalidRequest'],
        ['Message', 'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.'],
      ]);
    }
  });

  it('SigV4 still works', async () => {
    const res = await rawRequest(t.endpoint, { method: 'GET', path: '/', sign: t.credentials });
    assert.equal(res.status, 200, res.body);
  });
});
