/**
 * Scheme detection and the dispatcher's own answers (errors.md §4, §9.1 step 1). The SigV4
 * checks themselves are tested in sigv4/authenticate-v4-{header,query}.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { genericCanonicalUri } from './sigv4/generic-canonical-uri.ts';
import { EMPTY_SHA256 } from './sigv4/constants.ts';
import { signHeaders } from './sigv4/testing/sign-request.ts';
import {
  AKID,
  AMZ_DATE,
  HOST,
  SECRET,
  fixture,
  presignedS3,
  rejectsWith,
  signedOk,
  signedS3,
  withHeader,
} from './sigv4/testing/s3-fixture.ts';

test('no credentials at all: anonymous', async () => {
  const auth = await fixture().run({ target: '/bucket/key', headers: { Host: HOST, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } });
  assert.deepEqual(auth, { kind: 'anonymous', principal: { type: 'Anonymous' } });
  const trailer = await fixture().run({ target: '/k', headers: { Host: HOST, 'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER' } });
  assert.equal(trailer.kind, 'anonymous');
});

test('x-amz-date without any signature: 403 AccessDenied (an incomplete signature, not anonymous)', async () => {
  await rejectsWith(fixture().run({ target: '/k', headers: { Host: HOST, 'x-amz-date': '20130524T000000Z' } }), {
    status: 403,
    code: 'AccessDenied',
    message: 'Access Denied',
  });
});

test('anonymous requests cannot stream signed chunks (sigv4.md §5.6)', async () => {
  await rejectsWith(fixture().run({ method: 'PUT', target: '/k', headers: { Host: HOST, 'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD' } }), {
    status: 400,
    code: 'InvalidRequest',
    message: "Anonymous requests don't support this x-amz-content-sha256 value. Please use UNSIGNED-PAYLOAD or STREAMING-UNSIGNED-PAYLOAD-TRAILER.",
  });
});

test('two Authorization headers: 501 NotImplemented naming the header', async () => {
  const signed = signedS3({ target: '/k' });
  const headers = signed.headers as Array<[string, string]>;
  const auth = headers.find(([n]) => n === 'Authorization')!;
  await rejectsWith(fixture().run({ ...signed, headers: [...headers, auth] }), {
    status: 501,
    code: 'NotImplemented',
    message: 'A header you provided implies functionality that is not implemented',
    fields: [['Header', 'Authorization']],
  });
});

const ONLY_ONE =
  'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified';

test('Authorization header and presigned parameters together: 400 InvalidArgument', async () => {
  const presigned = presignedS3({ target: '/k' });
  const header = 'AWS4-HMAC-SHA256 Credential=x';
  await rejectsWith(fixture().run(withHeader(presigned, 'Authorization', header)), {
    status: 400,
    code: 'InvalidArgument',
    message: ONLY_ONE,
    fields: [['ArgumentName', 'Authorization'], ['ArgumentValue', header]],
  });
  await rejectsWith(fixture().run({ target: '/k?Signature=abc', headers: { Host: HOST, Authorization: header } }), {
    status: 400,
    code: 'InvalidArgument',
    message: ONLY_ONE,
    fields: [['ArgumentName', 'Authorization'], ['ArgumentValue', header]],
  });
  await rejectsWith(fixture().run({ target: '/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&Signature=abc', headers: { Host: HOST } }), {
    status: 400,
    code: 'InvalidArgument',
    message: ONLY_ONE,
    fields: [['ArgumentName', 'X-Amz-Algorithm'], ['ArgumentValue', 'AWS4-HMAC-SHA256']],
  });
});

test('Authorization header forms that are not SigV4 (errors.md §4)', async () => {
  const run = (value: string) => fixture().run({ target: '/k', headers: { Host: HOST, Authorization: value } });
  await rejectsWith(run(''), { status: 403, code: 'AccessDenied', message: 'Access Denied' });
  await rejectsWith(run('garbage'), {
    status: 400,
    code: 'InvalidArgument',
    message: "Authorization header is invalid -- one and only one ' ' (space) required.",
    fields: [['ArgumentName', 'Authorization'], ['ArgumentValue', 'garbage']],
  });
  for (const value of ['Bearer abc', 'AWS4-HMAC-SHA512 Credential=x', 'AWS4-ECDSA-P256-SHA256 Credential=x']) {
    await rejectsWith(run(value), {
      status: 400,
      code: 'InvalidArgument',
      message: 'Unsupported Authorization Type',
      fields: [['ArgumentName', 'Authorization'], ['ArgumentValue', value]],
    });
  }
});

test('SigV2 goes to authenticateV2, in header and query form (its checks: sigv2/*.test.ts)', async () => {
  const notSupported = {
    status: 400,
    code: 'InvalidRequest',
    message: 'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
  };
  const header = { target: '/k', headers: { Host: HOST, Authorization: `AWS ${AKID}:frJIUN8DYpKDtOLCwo//yllqDzg=` } };
  const query = { target: `/k?AWSAccessKeyId=${AKID}&Expires=1141889120&Signature=vjbyPxybd`, headers: { Host: HOST } };
  await rejectsWith(fixture().run(header, { sigv2: false }), notSupported);
  await rejectsWith(fixture().run(query, { sigv2: false }), notSupported);
  // Accepted by default: the header has no date, the URL expired in 2006 (AWS's example).
  await rejectsWith(fixture().run(header), { status: 403, code: 'AccessDenied', message: 'AWS authentication requires a valid Date or x-amz-date header' });
  await rejectsWith(fixture().run(query), {
    status: 403,
    code: 'AccessDenied',
    message: 'Request has expired',
    fields: [['Expires', '2006-03-09T07:25:20Z'], ['ServerTime', '2013-05-24T00:00:00Z']],
  });
});

test('any one presigned parameter makes a presigned request (a partial set is an error, sigv4.md §4.1)', async () => {
  await rejectsWith(fixture().run({ target: '/k?X-Amz-Expires=60', headers: { Host: HOST } }), {
    status: 400,
    code: 'AuthorizationQueryParametersError',
    message:
      'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
  });
});

test('STS and IAM Query-API requests: generic SigV4 rules, body hash from the caller', async () => {
  const body = 'Action=GetCallerIdentity&Version=2011-06-15';
  const payloadSha256 = createHash('sha256').update(body).digest('hex');
  // As botocore signs Query-API calls: no x-amz-content-sha256 header, the body hash signed.
  const form = (service: string, region: string) =>
    signHeaders(
      { method: 'POST', target: '/', headers: { Host: 'localhost:9000', 'Content-Type': 'application/x-www-form-urlencoded' }, body },
      { accessKeyId: AKID, secretAccessKey: SECRET, amzDate: AMZ_DATE, service, region, payloadHash: payloadSha256, canonicalUri: (p) => genericCanonicalUri(p, { normalize: true }) },
    ).request;
  const f = fixture();
  const both = { region: 'eu-west-1', expectedService: ['sts', 'iam'] as const, payloadSha256 };
  const sts = await signedOk(f.run(form('sts', 'eu-west-1'), both));
  assert.deepEqual(sts.scope, { date: '20130524', region: 'eu-west-1', service: 'sts' });
  // IAM is global: us-east-1 whatever the endpoint's region.
  assert.equal((await signedOk(f.run(form('iam', 'us-east-1'), both))).scope?.service, 'iam');
  await rejectsWith(f.run(form('iam', 'eu-west-1'), { ...both, expectedService: 'iam' }), {
    status: 400,
    code: 'AuthorizationHeaderMalformed',
    message: "The authorization header is malformed; the region 'eu-west-1' is wrong; expecting 'us-east-1'",
    fields: [['Region', 'us-east-1']],
  });
  // An S3-signed request sent where STS is expected names the expected service.
  await rejectsWith(f.run(signedS3({ method: 'POST', target: '/' }), { expectedService: 'sts', payloadSha256 }), {
    status: 400,
    code: 'AuthorizationHeaderMalformed',
    message: 'The authorization header is malformed; incorrect service "s3". This endpoint belongs to "sts".',
  });
  // The body hash is the caller's: another body fails the signature.
  await assert.rejects(f.run(form('sts', 'us-east-1'), { expectedService: 'sts', payloadSha256: EMPTY_SHA256 }), { code: 'SignatureDoesNotMatch' });
  await assert.rejects(f.run(form('sts', 'us-east-1'), { expectedService: 'sts' }), TypeError);
});

test('the time comes from the injected clock only', async () => {
  const f = fixture();
  const spec = signedS3({ target: '/k' });
  await signedOk(f.run(spec));
  f.clock.advance(16 * 60_000);
  await assert.rejects(f.run(spec), { code: 'RequestTimeTooSkewed' });
});
