/**
 * Presigned SigV4 URLs through `authenticate`: every error of errors.md §2 and §5 with status,
 * code, message and fields in order, and the precedence of errors.md §9.1.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  AKID,
  EXPIRED_AKID,
  HOST,
  SESSION_AKID,
  SESSION_SECRET,
  SESSION_TOKEN,
  T0,
  fixture,
  presignedS3,
  rejectsWith,
  signedOk,
  withHeader,
  withParam,
} from './testing/s3-fixture.ts';
import type { RequestSpec } from './testing/make-request.ts';

const GET: RequestSpec = { target: '/examplebucket/a%20b%2Bc.txt?response-content-type=text%2Fplain', headers: { Host: HOST } };
const BAD_SIGNATURE = '0'.repeat(64);
const QPE = { status: 400, code: 'AuthorizationQueryParametersError' };

test('a presigned URL authenticates, with its token in the canonical query', async () => {
  const f = fixture();
  const auth = await signedOk(f.run(presignedS3(GET)));
  assert.equal(auth.scheme, 'v4-query');
  assert.equal(auth.signedAt, T0);
  assert.match(auth.seed!.canonicalRequest, /^GET\n\/examplebucket\/a%20b%2Bc.txt\nX-Amz-Algorithm=.*&response-content-type=text%2Fplain\nhost:/);
  assert.ok(auth.seed!.canonicalRequest.endsWith('\nhost\nUNSIGNED-PAYLOAD'));
  const session = await signedOk(f.run(presignedS3(GET, { accessKeyId: SESSION_AKID, secretAccessKey: SESSION_SECRET, sessionToken: SESSION_TOKEN })));
  assert.match(session.seed!.canonicalRequest, /X-Amz-Security-Token=IQoJ/);
});

test('parameter errors in AWS order; a tampered X-Amz-Expires is a 400, not a signature mismatch', async () => {
  const f = fixture();
  const spec = presignedS3(GET);
  await rejectsWith(f.run(withParam(spec, 'X-Amz-SignedHeaders', undefined)), {
    ...QPE,
    message:
      'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
  });
  await rejectsWith(f.run(withParam(spec, 'X-Amz-Algorithm', 'AWS4-HMAC-SHA1')), { ...QPE, message: 'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"' });
  await rejectsWith(f.run(presignedS3(GET, { region: 'us-west-2' })), {
    ...QPE,
    message: "Error parsing the X-Amz-Credential parameter; the region 'us-west-2' is wrong; expecting 'us-east-1'",
    fields: [['Region', 'us-east-1']],
    headers: { 'x-amz-bucket-region': 'us-east-1' },
  });
  await rejectsWith(f.run(presignedS3(GET, { service: 'execute-api' })), {
    ...QPE,
    message: 'Error parsing the X-Amz-Credential parameter; incorrect service "execute-api". This endpoint belongs to "s3".',
  });
  await rejectsWith(f.run(withParam(spec, 'X-Amz-Credential', `${AKID}%2F20130524%2Fus-east-1%2Fs3`)), {
    ...QPE,
    message:
      'Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".',
  });
  await rejectsWith(f.run(withParam(spec, 'X-Amz-Date', '20130524')), {
    ...QPE,
    message: `X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'"`,
  });
  await rejectsWith(f.run(withParam(spec, 'X-Amz-Date', '20130525T000000Z')), {
    ...QPE,
    message: 'Invalid credential date "20130524". This date is not the same as X-Amz-Date: "20130525".',
  });
  await rejectsWith(f.run(withParam(spec, 'X-Amz-Expires', '604801')), {
    ...QPE,
    message: 'X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds',
  });
  await rejectsWith(f.run(withParam(spec, 'X-Amz-Expires', '-7')), { ...QPE, message: 'X-Amz-Expires must be non-negative' });
  await rejectsWith(f.run(withParam(spec, 'X-Amz-Expires', 'soon')), { ...QPE, message: 'X-Amz-Expires should be a number' });
  await signedOk(f.run(presignedS3(GET, { expiresSeconds: 604800 })));
});

test('not yet valid: X-Amz-Date more than the skew ahead (epoch ms in the error)', async () => {
  const f = fixture({ now: T0 - 20 * 60_000 });
  await rejectsWith(f.run(presignedS3(GET)), {
    status: 403,
    code: 'AccessDenied',
    message: 'Request is not yet valid',
    fields: [['X-Amz-Date', String(T0)], ['Expires', '2013-05-24T01:00:00Z'], ['ServerTime', '2013-05-23T23:40:00Z']],
  });
  await signedOk(fixture({ now: T0 - 10 * 60_000 }).run(presignedS3(GET)));
});

test('expired: before the key lookup and the signature; no 15-minute rule for old URLs', async () => {
  const expired = {
    status: 403,
    code: 'AccessDenied',
    message: 'Request has expired',
    fields: [['X-Amz-Expires', '60'], ['Expires', '2013-05-24T00:01:00Z'], ['ServerTime', '2013-05-24T00:02:00Z']] as Array<[string, string]>,
  };
  const f = fixture({ now: T0 + 120_000 });
  await rejectsWith(f.run(presignedS3(GET, { expiresSeconds: 60 })), expired);
  await rejectsWith(f.run(presignedS3(GET, { expiresSeconds: 60, accessKeyId: 'AKIAUNKNOWN000000000' })), expired);
  await rejectsWith(f.run(withParam(presignedS3(GET, { expiresSeconds: 60 }), 'X-Amz-Signature', BAD_SIGNATURE)), expired);
  // The URL's own expiry wins over the session's (errors.md §5).
  await rejectsWith(f.run(presignedS3(GET, { expiresSeconds: 60, accessKeyId: EXPIRED_AKID, secretAccessKey: SESSION_SECRET, sessionToken: SESSION_TOKEN })), expired);
  await assert.rejects(fixture().run(presignedS3(GET, { expiresSeconds: 0 })), { code: 'AccessDenied', message: 'Request has expired' });
  await signedOk(fixture({ now: T0 + 6 * 86_400_000 }).run(presignedS3(GET, { expiresSeconds: 604800 })));
});

test('unsigned headers; x-amz-content-sha256 is exempt but counts as the payload hash', async () => {
  const f = fixture();
  const spec = presignedS3(GET, { accessKeyId: 'AKIAUNKNOWN000000000' });
  await rejectsWith(f.run(withHeader(spec, 'x-amz-acl', 'public-read')), {
    status: 403,
    code: 'AccessDenied',
    message: 'There were headers present in the request which were not signed',
    fields: [['HeadersNotSigned', 'x-amz-acl']],
  });
  await signedOk(f.run(withHeader(presignedS3(GET), 'x-amz-content-sha256', 'UNSIGNED-PAYLOAD')));
  await assert.rejects(f.run(withHeader(presignedS3(GET), 'x-amz-content-sha256', 'STREAMING-UNSIGNED-PAYLOAD-TRAILER')), { code: 'SignatureDoesNotMatch' });
  await assert.rejects(f.run(withHeader(presignedS3(GET), 'x-amz-content-sha256', 'bogus')), { code: 'InvalidArgument' });
  // Signed with a payload hash header: that header then must come with the request.
  const withHash = presignedS3({ ...GET, headers: { Host: HOST, 'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER' } }, { payloadHash: 'STREAMING-UNSIGNED-PAYLOAD-TRAILER' });
  await signedOk(f.run(withHash));
});

test('credentials: unknown key, session without token, expired session (before the signature)', async () => {
  const f = fixture();
  await rejectsWith(f.run(withParam(presignedS3(GET, { accessKeyId: 'AKIAUNKNOWN000000000' }), 'X-Amz-Signature', BAD_SIGNATURE)), {
    status: 403,
    code: 'InvalidAccessKeyId',
    message: 'The AWS Access Key Id you provided does not exist in our records.',
    fields: [['AWSAccessKeyId', 'AKIAUNKNOWN000000000']],
  });
  await assert.rejects(f.run(presignedS3(GET, { accessKeyId: SESSION_AKID, secretAccessKey: SESSION_SECRET })), { code: 'InvalidAccessKeyId' });
  const session = presignedS3(GET, { accessKeyId: EXPIRED_AKID, secretAccessKey: SESSION_SECRET, sessionToken: SESSION_TOKEN });
  await rejectsWith(f.run(withParam(session, 'X-Amz-Signature', BAD_SIGNATURE)), {
    status: 400,
    code: 'ExpiredToken',
    message: 'The provided token has expired.',
    fields: [['Token-0', SESSION_TOKEN]],
  });
});

test('signature: any change to method, path, query or signed headers; the diagnosis names the URL\'s signature', async () => {
  const f = fixture();
  const spec = presignedS3(GET);
  for (const c of [
    { ...spec, method: 'PUT' },
    { ...spec, target: spec.target.replace('a%20b', 'a%20c') },
    withParam(spec, 'response-content-type', 'text%2Fhtml'),
    withParam(spec, 'X-Amz-Expires', '3599'),
    withHeader(spec, 'Host', 'evil.example.com'),
  ]) {
    await assert.rejects(f.run(c), { code: 'SignatureDoesNotMatch' });
  }
  // The expected diagnosis: the canonical request and string to sign of the genuine URL.
  const good = await signedOk(f.run(spec));
  const cr = good.seed!.canonicalRequest;
  const sts = `AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n${createHash('sha256').update(cr).digest('hex')}`;
  const hex = (s: string) => [...Buffer.from(s)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  await rejectsWith(f.run(withParam(spec, 'X-Amz-Signature', BAD_SIGNATURE)), {
    status: 403,
    code: 'SignatureDoesNotMatch',
    message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    fields: [
      ['AWSAccessKeyId', AKID],
      ['StringToSign', sts],
      ['SignatureProvided', BAD_SIGNATURE],
      ['StringToSignBytes', hex(sts)],
      ['CanonicalRequest', cr],
      ['CanonicalRequestBytes', hex(cr)],
    ],
  });
});

test('a token sent with a long-term key: InvalidToken after a good signature', async () => {
  await rejectsWith(fixture().run(presignedS3(GET, { sessionToken: 'stray' })), {
    status: 400,
    code: 'InvalidToken',
    message: 'The provided token is malformed or otherwise invalid.',
    fields: [['Token-0', 'stray']],
  });
});
