/**
 * Header-signed SigV4 through `authenticate`: every error of errors.md §4–§6 with its status,
 * code, message and fields in order, and the precedence of errors.md §9.1 (header form).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EMPTY_SHA256 } from './constants.ts';
import {
  AKID,
  EXPIRED_AKID,
  HOST,
  INACTIVE_AKID,
  SESSION_AKID,
  SESSION_SECRET,
  SESSION_TOKEN,
  T0,
  fixture,
  rejectsWith,
  signedOk,
  signedS3,
  withHeader,
} from './testing/s3-fixture.ts';
import type { RequestSpec } from './testing/make-request.ts';

const MALFORMED = 'The authorization header is malformed; ';
const GET: RequestSpec = { target: '/examplebucket/photos/a.jpg?versionId=3', headers: { Host: HOST } };

/** Rewrites the Authorization header of a signed spec. */
function editAuth(spec: RequestSpec, edit: (value: string) => string): RequestSpec {
  const value = (spec.headers as Array<[string, string]>).find(([n]) => n === 'Authorization')![1];
  return withHeader(spec, 'Authorization', edit(value));
}
const badSignature = (spec: RequestSpec) => editAuth(spec, (v) => v.replace(/Signature=[0-9a-f]{64}/, 'Signature=' + '0'.repeat(64)));

test('a correctly signed request authenticates', async () => {
  const auth = await signedOk(fixture().run(signedS3(GET)));
  assert.equal(auth.scheme, 'v4-header');
  assert.equal(auth.credential.accessKeyId, AKID);
});

test('credential scope errors (AuthorizationHeaderMalformed) come before everything else, even a bad signature or token', async () => {
  const f = fixture();
  await rejectsWith(f.run(badSignature(signedS3(GET, { region: 'us-west-2' }))), {
    status: 400,
    code: 'AuthorizationHeaderMalformed',
    message: MALFORMED + "the region 'us-west-2' is wrong; expecting 'us-east-1'",
    fields: [['Region', 'us-east-1']],
    headers: { 'x-amz-bucket-region': 'us-east-1' },
  });
  await rejectsWith(f.run(signedS3(GET, { service: 'sts', accessKeyId: SESSION_AKID })), {
    status: 400,
    code: 'AuthorizationHeaderMalformed',
    message: MALFORMED + 'incorrect service "sts". This endpoint belongs to "s3".',
  });
  // The expected region is whatever the caller says the bucket's is.
  await rejectsWith(f.run(signedS3(GET), { region: 'eu-central-1' }), {
    status: 400,
    code: 'AuthorizationHeaderMalformed',
    message: MALFORMED + "the region 'us-east-1' is wrong; expecting 'eu-central-1'",
    fields: [['Region', 'eu-central-1']],
    headers: { 'x-amz-bucket-region': 'eu-central-1' },
  });
  await rejectsWith(f.run(editAuth(signedS3(GET), (v) => v.replace('/aws4_request', ''))), {
    status: 400,
    code: 'AuthorizationHeaderMalformed',
    message: MALFORMED + 'the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".',
  });
  await rejectsWith(f.run(editAuth(signedS3(GET), (v) => v.replace(/, Signature=\w+/, ''))), {
    status: 400,
    code: 'AuthorizationHeaderMalformed',
    message: MALFORMED + 'the authorization header requires three components: Credential, SignedHeaders, and Signature.',
  });
  // Scope before the timestamp: a wrong region wins over a missing date.
  await rejectsWith(f.run(withHeader(signedS3(GET, { region: 'us-west-2' }), 'x-amz-date', undefined)), {
    status: 400,
    code: 'AuthorizationHeaderMalformed',
    message: MALFORMED + "the region 'us-west-2' is wrong; expecting 'us-east-1'",
    fields: [['Region', 'us-east-1']],
    headers: { 'x-amz-bucket-region': 'us-east-1' },
  });
});

const NO_DATE = { status: 403, code: 'AccessDenied', message: 'AWS authentication requires a valid Date or x-amz-date header' };

test('timestamp: missing, unparsable, or the signed x-amz-date stripped → AccessDenied', async () => {
  const f = fixture();
  await rejectsWith(f.run(withHeader(signedS3(GET), 'x-amz-date', undefined)), NO_DATE);
  await rejectsWith(f.run(withHeader(signedS3(GET), 'x-amz-date', '2013-05-24T00:00:00Z')), NO_DATE);
  await rejectsWith(f.run(withHeader(signedS3(GET), 'x-amz-date', '')), NO_DATE);
});

test('a Date header alone dates the request', async () => {
  const spec = signedS3({ ...GET, headers: { Host: HOST, Date: 'Fri, 24 May 2013 00:00:00 GMT' } }, { noAmzDateHeader: true });
  const auth = await signedOk(fixture().run(spec));
  assert.equal(auth.signedAt, T0);
  assert.equal(auth.seed?.amzDate, '20130524T000000Z');
});

test('more than 15 minutes off, either way: RequestTimeTooSkewed, before the signature', async () => {
  for (const offset of [-20 * 60_000, 20 * 60_000]) {
    const f = fixture({ now: T0 + offset });
    await rejectsWith(f.run(badSignature(signedS3(GET))), {
      status: 403,
      code: 'RequestTimeTooSkewed',
      message: 'The difference between the request time and the current time is too large.',
      fields: [
        ['RequestTime', '20130524T000000Z'],
        ['ServerTime', offset < 0 ? '2013-05-23T23:40:00Z' : '2013-05-24T00:20:00Z'],
        ['MaxAllowedSkewMilliseconds', '900000'],
      ],
    });
  }
  await signedOk(fixture({ now: T0 + 14 * 60_000 }).run(signedS3(GET)));
  await signedOk(fixture({ now: T0 - 14 * 60_000 }).run(signedS3(GET)));
  // The skew is the caller's to set.
  await assert.rejects(fixture({ now: T0 + 61_000 }).run(signedS3(GET), { maxSkewMs: 60_000 }), {
    code: 'RequestTimeTooSkewed',
    fields: [['RequestTime', '20130524T000000Z'], ['ServerTime', '2013-05-24T00:01:01Z'], ['MaxAllowedSkewMilliseconds', '60000']],
  });
  // With only Date, RequestTime echoes it as sent.
  const dated = signedS3({ ...GET, headers: { Host: HOST, Date: 'Fri, 24 May 2013 00:00:00 GMT' } }, { noAmzDateHeader: true });
  await assert.rejects(fixture({ now: T0 + 3600_000 }).run(dated), {
    code: 'RequestTimeTooSkewed',
    fields: [['RequestTime', 'Fri, 24 May 2013 00:00:00 GMT'], ['ServerTime', '2013-05-24T01:00:00Z'], ['MaxAllowedSkewMilliseconds', '900000']],
  });
});

test('credential date must be the x-amz-date day', async () => {
  const spec = signedS3(GET, { amzDate: '20130523T235900Z' });
  await rejectsWith(fixture().run(editAuth(spec, (v) => v.replace('/20130523/', '/20130524/'))), {
    status: 400,
    code: 'AuthorizationHeaderMalformed',
    message: MALFORMED + 'Invalid credential date. Date is not the same as X-Amz-Date.',
  });
});

test('x-amz-content-sha256: required, and one of the allowed values; before unsigned headers', async () => {
  const f = fixture();
  const unsignedMeta = (spec: RequestSpec) => withHeader(spec, 'x-amz-meta-foo', 'bar');
  await rejectsWith(f.run(unsignedMeta(withHeader(signedS3(GET), 'x-amz-content-sha256', undefined))), {
    status: 400,
    code: 'InvalidRequest',
    message: 'Missing required header for this request: x-amz-content-sha256',
  });
  await rejectsWith(f.run(unsignedMeta(withHeader(signedS3(GET), 'x-amz-content-sha256', 'nope'))), {
    status: 400,
    code: 'InvalidArgument',
    message:
      'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER or a valid sha256 value.',
    fields: [['ArgumentName', 'x-amz-content-sha256'], ['ArgumentValue', 'nope']],
  });
});

const NOT_SIGNED = 'There were headers present in the request which were not signed';

test('unsigned x-amz-* headers and host: AccessDenied HeadersNotSigned, before the key lookup', async () => {
  const f = fixture();
  const spec = signedS3(GET, { accessKeyId: 'AKIAUNKNOWN000000000' });
  await rejectsWith(f.run(withHeader(withHeader(spec, 'x-amz-meta-foo', 'bar'), 'X-Amz-Acl', 'private')), {
    status: 403,
    code: 'AccessDenied',
    message: NOT_SIGNED,
    fields: [['HeadersNotSigned', 'x-amz-acl, x-amz-meta-foo']],
  });
  await rejectsWith(f.run(signedS3(GET, { signedHeaders: ['x-amz-content-sha256', 'x-amz-date'] })), {
    status: 403,
    code: 'AccessDenied',
    message: NOT_SIGNED,
    fields: [['HeadersNotSigned', 'host']],
  });
  const token = signedS3(GET, { accessKeyId: SESSION_AKID, secretAccessKey: SESSION_SECRET, sessionToken: SESSION_TOKEN, omitSessionToken: true });
  await rejectsWith(f.run(token), { status: 403, code: 'AccessDenied', message: NOT_SIGNED, fields: [['HeadersNotSigned', 'x-amz-security-token']] });
  // x-amz-content-sha256 need not be signed: S3 uses its value either way.
  await signedOk(f.run(signedS3(GET, { signedHeaders: ['host', 'x-amz-date'] })));
});

const INVALID_KEY = { status: 403, code: 'InvalidAccessKeyId', message: 'The AWS Access Key Id you provided does not exist in our records.' };

test('access key and session token problems, before the signature', async () => {
  const f = fixture();
  for (const akid of ['AKIAUNKNOWN000000000', INACTIVE_AKID]) {
    await rejectsWith(f.run(badSignature(signedS3(GET, { accessKeyId: akid }))), { ...INVALID_KEY, fields: [['AWSAccessKeyId', akid]] });
  }
  const session = { accessKeyId: SESSION_AKID, secretAccessKey: SESSION_SECRET };
  await rejectsWith(f.run(signedS3(GET, session)), { ...INVALID_KEY, fields: [['AWSAccessKeyId', SESSION_AKID]] });
  await rejectsWith(f.run(signedS3(GET, { ...session, sessionToken: 'another-sessions-token' })), {
    ...INVALID_KEY,
    fields: [['AWSAccessKeyId', SESSION_AKID]],
  });
  await rejectsWith(f.run(badSignature(signedS3(GET, { accessKeyId: EXPIRED_AKID, secretAccessKey: SESSION_SECRET, sessionToken: SESSION_TOKEN }))), {
    status: 400,
    code: 'ExpiredToken',
    message: 'The provided token has expired.',
    fields: [['Token-0', SESSION_TOKEN]],
  });
  await rejectsWith(f.run(signedS3(GET, { ...session, sessionToken: 'not-a-token' })), {
    status: 400,
    code: 'InvalidToken',
    message: 'The provided token is malformed or otherwise invalid.',
    fields: [['Token-0', 'not-a-token']],
  });
  const ok = await signedOk(f.run(signedS3(GET, { ...session, sessionToken: SESSION_TOKEN })));
  assert.equal(ok.credential.sessionToken, SESSION_TOKEN);
  // The session ends at its expiry, on the injected clock.
  f.clock.set(T0 + 3600_000);
  await assert.rejects(f.run(signedS3(GET, { ...session, sessionToken: SESSION_TOKEN, amzDate: '20130524T010000Z' })), { code: 'ExpiredToken' });
});

test('a token with a long-term key: InvalidToken, but only once the signature is good', async () => {
  const f = fixture();
  const spec = signedS3(GET, { sessionToken: 'stray' });
  await rejectsWith(f.run(spec), {
    status: 400,
    code: 'InvalidToken',
    message: 'The provided token is malformed or otherwise invalid.',
    fields: [['Token-0', 'stray']],
  });
  await assert.rejects(f.run(badSignature(spec)), { code: 'SignatureDoesNotMatch' });
});

test('SignatureDoesNotMatch carries the whole diagnosis (errors.md §6)', async () => {
  const spec = signedS3({ target: '/test.txt', headers: [['Host', HOST], ['Range', 'bytes=0-9']] }, { secretAccessKey: 'wrong' });
  const cr = `GET\n/test.txt\n\nhost:${HOST}\nrange:bytes=0-9\nx-amz-content-sha256:${EMPTY_SHA256}\nx-amz-date:20130524T000000Z\n\nhost;range;x-amz-content-sha256;x-amz-date\n${EMPTY_SHA256}`;
  const sts = 'AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972';
  const provided = (spec.headers as Array<[string, string]>).find(([n]) => n === 'Authorization')![1].slice(-64);
  const hex = (s: string) => [...Buffer.from(s)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  await rejectsWith(fixture().run(spec), {
    status: 403,
    code: 'SignatureDoesNotMatch',
    message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    fields: [
      ['AWSAccessKeyId', AKID],
      ['StringToSign', sts],
      ['SignatureProvided', provided],
      ['StringToSignBytes', hex(sts)],
      ['CanonicalRequest', cr],
      ['CanonicalRequestBytes', hex(cr)],
    ],
  });
});

test('any change to a signed input fails the signature', async () => {
  const f = fixture();
  const spec = signedS3({ ...GET, headers: [['Host', HOST], ['Range', 'bytes=0-9']] });
  const changed: RequestSpec[] = [
    { ...spec, method: 'PUT' },
    { ...spec, target: spec.target.replace('a.jpg', 'b.jpg') },
    { ...spec, target: spec.target.replace('versionId=3', 'versionId=4') },
    { ...spec, target: spec.target + '&acl' },
    withHeader(spec, 'Range', 'bytes=0-10'),
    withHeader(spec, 'Range', undefined),
    withHeader(spec, 'x-amz-content-sha256', 'UNSIGNED-PAYLOAD'),
    withHeader(spec, 'Host', 'other.s3.amazonaws.com'),
    editAuth(spec, (v) => v.replace(/Signature=(\w{63})\w/, 'Signature=$1' + 'x')),
    editAuth(spec, (v) => v.replace(/Signature=(\w+)/, (_, s: string) => 'Signature=' + s.toUpperCase())),
  ];
  for (const c of changed) await assert.rejects(f.run(c), { code: 'SignatureDoesNotMatch' }, JSON.stringify(c));
  await signedOk(f.run(spec));
});
