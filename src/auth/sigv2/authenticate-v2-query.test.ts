/**
 * Presigned V2 URLs through the real dispatcher, in AWS's order (errors.md §3, §9.1): all three
 * parameters → Expires → key and token → signature → stray token. No skew rule.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AKID,
  EXPIRED_AKID,
  SECRET,
  SESSION_AKID,
  SESSION_SECRET,
  SESSION_TOKEN,
  T0,
  hmacSha1Base64,
  rejectsWith,
  runV2,
  signedOk,
} from './testing/v2-fixture.ts';

const EXPIRES = T0 / 1000 + 3600;
const BAD_SIG = 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=';
const enc = encodeURIComponent;

/** `/b/k?AWSAccessKeyId=…&Expires=…&Signature=…` signed over `stringToSign` (written out by the test). */
function url(options: { stringToSign?: string; akid?: string; secret?: string; signature?: string; expires?: number | string; extra?: string; path?: string } = {}) {
  const expires = options.expires ?? EXPIRES;
  const signature = options.signature ?? hmacSha1Base64(options.secret ?? SECRET, options.stringToSign ?? `GET\n\n\n${expires}\n/b/k`);
  return `${options.path ?? '/b/k'}?AWSAccessKeyId=${options.akid ?? AKID}&Expires=${expires}&Signature=${enc(signature)}${options.extra ?? ''}`;
}
const run = (target: string, options: { now?: number; headers?: Record<string, string>; method?: string } = {}) =>
  runV2({ method: options.method, target, headers: { Host: '127.0.0.1:9000', ...options.headers } }, { now: options.now ?? T0 });

test('a good URL: v2-query, signature version AWS, signature age 0 (signedAt = request time)', async () => {
  const auth = await signedOk(run(url(), { now: T0 + 5_000 }));
  assert.equal(auth.scheme, 'v2-query');
  assert.equal(auth.signatureVersion, 'AWS');
  assert.equal(auth.signedAt, T0 + 5_000);
  assert.equal('scope' in auth, false);
  assert.equal('seed' in auth, false);
});

test('no skew rule: Date / x-amz-date headers are ignored for time; a URL expiring years ahead works', async () => {
  await signedOk(run(url(), { headers: { Date: 'Wed, 07 Jul 2010 21:53:04 GMT' } }));
  const far = 4102444800; // 2100-01-01
  await signedOk(run(url({ expires: far })));
});

test('sub-resources and response overrides are signed; other parameters are not', async () => {
  const stringToSign = `GET\n\n\n${EXPIRES}\n/b/k?response-content-disposition=attachment; filename="x y"&versionId=null`;
  const extra = `&versionId=null&response-content-disposition=${enc('attachment; filename="x y"')}&x-id=GetObject`;
  await signedOk(run(url({ stringToSign, extra })));
});

test('Content-Type and Content-MD5 headers of the request are on their lines (presigned PUT)', async () => {
  const stringToSign = `PUT\n\ntext/plain\n${EXPIRES}\n/b/k`;
  await signedOk(run(url({ stringToSign }), { method: 'PUT', headers: { 'Content-Type': 'text/plain' } }));
  await assert.rejects(run(url({ stringToSign }), { method: 'PUT' }), { code: 'SignatureDoesNotMatch' });
});

test('some but not all of the three → 403 AccessDenied "Query-string authentication requires…"', async () => {
  for (const target of [`/b/k?AWSAccessKeyId=${AKID}`, `/b/k?Expires=${EXPIRES}`, `/b/k?Signature=x&Expires=${EXPIRES}`, `/b/k?AWSAccessKeyId=${AKID}&Signature=x`]) {
    await rejectsWith(run(target), {
      status: 403,
      code: 'AccessDenied',
      message: 'Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters',
    });
  }
});

test('Expires not epoch seconds → 403 AccessDenied "Invalid date (should be seconds since epoch): …"', async () => {
  await rejectsWith(run(url({ expires: 'tomorrow' })), {
    status: 403,
    code: 'AccessDenied',
    message: 'Invalid date (should be seconds since epoch): tomorrow',
  });
});

test('expired → 403 "Request has expired" with Expires and ServerTime — before the key lookup and the signature', async () => {
  const expired = {
    status: 403,
    code: 'AccessDenied',
    message: 'Request has expired',
    fields: [['Expires', '2013-05-24T01:00:00Z'], ['ServerTime', '2013-05-24T01:00:01Z']] as Array<[string, string]>,
  };
  const now = EXPIRES * 1000 + 1000;
  await rejectsWith(run(url(), { now }), expired);
  await rejectsWith(run(url({ akid: 'AKIAUNKNOWN', signature: BAD_SIG }), { now }), expired);
  await rejectsWith(run(url({ akid: EXPIRED_AKID, signature: BAD_SIG, extra: `&x-amz-security-token=${SESSION_TOKEN}` }), { now }), expired);
  // At the Expires instant itself the URL is dead.
  await assert.rejects(run(url(), { now: EXPIRES * 1000 }), { message: 'Request has expired' });
});

test('unknown key → 403 InvalidAccessKeyId; bad signature → SignatureDoesNotMatch with the four elements', async () => {
  await rejectsWith(run(url({ akid: 'AKIAUNKNOWN', signature: BAD_SIG })), {
    status: 403,
    code: 'InvalidAccessKeyId',
    message: 'The AWS Access Key Id you provided does not exist in our records.',
    fields: [['AWSAccessKeyId', 'AKIAUNKNOWN']],
  });
  const stringToSign = `GET\n\n\n${EXPIRES}\n/b/k`;
  await rejectsWith(run(url({ signature: BAD_SIG })), {
    status: 403,
    code: 'SignatureDoesNotMatch',
    message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    fields: [
      ['AWSAccessKeyId', AKID],
      ['StringToSign', stringToSign],
      ['SignatureProvided', BAD_SIG],
      ['StringToSignBytes', [...Buffer.from(stringToSign)].map((b) => b.toString(16).padStart(2, '0')).join(' ')],
    ],
  });
});

test('a tampered path or Expires is a signature mismatch (Expires is signed)', async () => {
  const good = url();
  await assert.rejects(run(good.replace('/b/k', '/b/other')), { code: 'SignatureDoesNotMatch' });
  await assert.rejects(run(good.replace(`Expires=${EXPIRES}`, `Expires=${EXPIRES + 1}`)), { code: 'SignatureDoesNotMatch' });
});

test('temporary credentials: x-amz-security-token in the query (botocore) or as a header, signed as an amz header', async () => {
  const stringToSign = `GET\n\n\n${EXPIRES}\nx-amz-security-token:${SESSION_TOKEN}\n/b/k`;
  const inQuery = url({ akid: SESSION_AKID, secret: SESSION_SECRET, stringToSign, extra: `&x-amz-security-token=${enc(SESSION_TOKEN)}` });
  const auth = await signedOk(run(inQuery));
  assert.equal(auth.credential.sessionToken, SESSION_TOKEN);
  const inHeader = url({ akid: SESSION_AKID, secret: SESSION_SECRET, stringToSign });
  await signedOk(run(inHeader, { headers: { 'x-amz-security-token': SESSION_TOKEN } }));
  // Without the token the session key is unknown; with an expired session: 400 ExpiredToken.
  await assert.rejects(run(url({ akid: SESSION_AKID, secret: SESSION_SECRET })), { code: 'InvalidAccessKeyId' });
  await rejectsWith(run(url({ akid: EXPIRED_AKID, signature: BAD_SIG, extra: `&x-amz-security-token=${SESSION_TOKEN}` })), {
    status: 400,
    code: 'ExpiredToken',
    message: 'The provided token has expired.',
    fields: [['Token-0', SESSION_TOKEN]],
  });
});

test('other x-amz-* query parameters are amz headers too (botocore moves x-amz-* headers into V2 URLs)', async () => {
  const stringToSign = `PUT\n\n\n${EXPIRES}\nx-amz-acl:public-read\nx-amz-meta-a:b\n/b/k`;
  await signedOk(run(url({ stringToSign, extra: '&x-amz-meta-a=b&x-amz-acl=public-read' }), { method: 'PUT' }));
});

test('a token with a long-term key: InvalidToken after a good signature', async () => {
  const stringToSign = `GET\n\n\n${EXPIRES}\nx-amz-security-token:stray\n/b/k`;
  await rejectsWith(run(url({ stringToSign, extra: '&x-amz-security-token=stray' })), {
    status: 400,
    code: 'InvalidToken',
    message: 'The provided token is malformed or otherwise invalid.',
    fields: [['Token-0', 'stray']],
  });
});

