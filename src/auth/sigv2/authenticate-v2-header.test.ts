/**
 * `Authorization: AWS AKID:signature` through the real dispatcher, in AWS's order (errors.md §4,
 * §5, §6, §9.1): header syntax → date → skew → key and token → signature → stray token.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { httpDate } from '../../lib/dates.ts';
import {
  AKID,
  EXPIRED_AKID,
  INACTIVE_AKID,
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

type Headers = Array<readonly [string, string]>;
const DATE = httpDate(T0);
const BAD_SIG = 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** A GET /b/k signed over `stringToSign` (written out by the test), with these extra headers. */
function request(headers: Headers, options: { stringToSign?: string; akid?: string; secret?: string; signature?: string; target?: string } = {}) {
  const signature = options.signature ?? hmacSha1Base64(options.secret ?? SECRET, options.stringToSign ?? `GET\n\n\n${DATE}\n/b/k`);
  return {
    target: options.target ?? '/b/k',
    headers: [['Host', '127.0.0.1:9000'], ...headers, ['Authorization', `AWS ${options.akid ?? AKID}:${signature}`]] as Headers,
  };
}
const run = (spec: ReturnType<typeof request>, now = T0) => runV2(spec, { now });

test('a good signature: v2-header, signature version AWS, signed at Date, no SigV4 scope or seed', async () => {
  const auth = await signedOk(run(request([['Date', DATE]])));
  assert.equal(auth.scheme, 'v2-header');
  assert.equal(auth.signatureVersion, 'AWS');
  assert.equal(auth.signedAt, T0);
  assert.equal(auth.credential.accessKeyId, AKID);
  assert.equal(auth.principal.type, 'Account');
  assert.equal('scope' in auth, false);
  assert.equal('seed' in auth, false);
});

test('x-amz-date: the documented string (empty Date line, x-amz-date amz header) is accepted, and is the time', async () => {
  const amz = httpDate(T0 + 60_000);
  const auth = await signedOk(run(request([['x-amz-date', amz], ['Date', DATE]], { stringToSign: `GET\n\n\n\nx-amz-date:${amz}\n/b/k` }), T0 + 60_000));
  assert.equal(auth.signedAt, T0 + 60_000);
});

test('every signed input counts: method, Content-Type, Content-MD5, x-amz-* headers, sub-resources', async () => {
  const headers: Headers = [['Date', DATE], ['Content-Type', 'text/plain'], ['Content-MD5', 'XrY7u+Ae7tCTyyK7j1rNww=='], ['x-amz-meta-Name', ' café '], ['x-amz-acl', 'private']];
  const stringToSign = `PUT\nXrY7u+Ae7tCTyyK7j1rNww==\ntext/plain\n${DATE}\nx-amz-acl:private\nx-amz-meta-name:café\n/b/k?acl`;
  const spec = { ...request(headers, { stringToSign, target: '/b/k?acl&prefix=ignored' }), method: 'PUT' };
  await signedOk(runV2(spec, { now: T0 }));
  await rejectsWith(runV2({ ...spec, method: 'POST' }, { now: T0 }), mismatch(`POST${stringToSign.slice(3)}`, spec));
});

function mismatch(stringToSign: string, spec: { headers: Headers }, akid = AKID) {
  const provided = spec.headers.find(([n]) => n === 'Authorization')![1].split(':')[1]!;
  return {
    status: 403,
    code: 'SignatureDoesNotMatch',
    message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    fields: [
      ['AWSAccessKeyId', akid],
      ['StringToSign', stringToSign],
      ['SignatureProvided', provided],
      ['StringToSignBytes', [...Buffer.from(stringToSign, 'utf8')].map((b) => b.toString(16).padStart(2, '0')).join(' ')],
    ] as Array<[string, string]>,
  };
}

test('wrong secret: 403 SignatureDoesNotMatch with the four SigV2 elements (the documented string for x-amz-date)', async () => {
  const spec = request([['Date', DATE]], { secret: 'wrong' });
  await rejectsWith(run(spec), mismatch(`GET\n\n\n${DATE}\n/b/k`, spec));
  const amzSpec = request([['x-amz-date', DATE]], { secret: 'wrong' });
  await rejectsWith(run(amzSpec), mismatch(`GET\n\n\n\nx-amz-date:${DATE}\n/b/k`, amzSpec));
});

test('a malformed header is reported before anything else (400 InvalidArgument)', async () => {
  const value = `AWS ${AKID}`;
  await rejectsWith(runV2({ target: '/b/k', headers: { Host: 'h', Authorization: value } }, { now: T0 }), {
    status: 400,
    code: 'InvalidArgument',
    message: 'AWS authorization header is invalid.  Expected AwsAccessKeyId:signature',
    fields: [['ArgumentName', 'Authorization'], ['ArgumentValue', value]],
  });
});

const NO_DATE = { status: 403, code: 'AccessDenied', message: 'AWS authentication requires a valid Date or x-amz-date header' };

test('no valid Date or x-amz-date: 403 AccessDenied, before the key lookup and the signature', async () => {
  for (const headers of [[], [['x-amz-date', '']], [['x-amz-date', 'Bad Date'], ['Date', DATE]], [['Date', 'Bad Date']], [['Date', 'Fri, 07 Jul 1950 21:53:04 GMT']]] as Headers[]) {
    await rejectsWith(run(request(headers, { akid: 'AKIAUNKNOWN', signature: BAD_SIG })), NO_DATE);
  }
});

test('more than maxSkew off, either way (2010, 9999, ±16 min): 403 RequestTimeTooSkewed with the raw time, before the key', async () => {
  for (const raw of ['Wed, 07 Jul 2010 21:53:04 GMT', 'Fri, 07 Jul 9999 21:53:04 GMT', httpDate(T0 + 16 * 60_000), httpDate(T0 - 16 * 60_000)]) {
    await rejectsWith(run(request([['Date', raw]], { akid: 'AKIAUNKNOWN', signature: BAD_SIG })), {
      status: 403,
      code: 'RequestTimeTooSkewed',
      message: 'The difference between the request time and the current time is too large.',
      fields: [['RequestTime', raw], ['ServerTime', '2013-05-24T00:00:00Z'], ['MaxAllowedSkewMilliseconds', '900000']],
    });
  }
  // Exactly 15 minutes is still fine.
  const edge = httpDate(T0 + 15 * 60_000);
  await signedOk(run(request([['Date', edge]], { stringToSign: `GET\n\n\n${edge}\n/b/k` })));
});

test('unknown or inactive access key: 403 InvalidAccessKeyId (before the signature)', async () => {
  for (const akid of ['AKIAUNKNOWN', INACTIVE_AKID]) {
    await rejectsWith(run(request([['Date', DATE]], { akid, signature: BAD_SIG })), {
      status: 403,
      code: 'InvalidAccessKeyId',
      message: 'The AWS Access Key Id you provided does not exist in our records.',
      fields: [['AWSAccessKeyId', akid]],
    });
  }
});

test('temporary credentials: x-amz-security-token is handed to the store and is part of the string to sign', async () => {
  const headers: Headers = [['Date', DATE], ['x-amz-security-token', SESSION_TOKEN]];
  const stringToSign = `GET\n\n\n${DATE}\nx-amz-security-token:${SESSION_TOKEN}\n/b/k`;
  const auth = await signedOk(run(request(headers, { akid: SESSION_AKID, secret: SESSION_SECRET, stringToSign })));
  assert.equal(auth.credential.sessionToken, SESSION_TOKEN);
  // Signed without the token line: the signature no longer matches.
  const spec = request(headers, { akid: SESSION_AKID, secret: SESSION_SECRET });
  await rejectsWith(run(spec), mismatch(stringToSign, spec, SESSION_AKID));
});

test('session failures map as for SigV4: missing token → InvalidAccessKeyId, expired → 400 ExpiredToken (even with a bad signature), malformed → 400 InvalidToken', async () => {
  await rejectsWith(run(request([['Date', DATE]], { akid: SESSION_AKID, signature: BAD_SIG })), {
    status: 403,
    code: 'InvalidAccessKeyId',
    message: 'The AWS Access Key Id you provided does not exist in our records.',
    fields: [['AWSAccessKeyId', SESSION_AKID]],
  });
  await rejectsWith(run(request([['Date', DATE], ['x-amz-security-token', SESSION_TOKEN]], { akid: EXPIRED_AKID, signature: BAD_SIG })), {
    status: 400,
    code: 'ExpiredToken',
    message: 'The provided token has expired.',
    fields: [['Token-0', SESSION_TOKEN]],
  });
  await rejectsWith(run(request([['Date', DATE], ['x-amz-security-token', 'not-a-token']], { akid: SESSION_AKID, signature: BAD_SIG })), {
    status: 400,
    code: 'InvalidToken',
    message: 'The provided token is malformed or otherwise invalid.',
    fields: [['Token-0', 'not-a-token']],
  });
});

test('a token with a long-term key: InvalidToken only after a good signature; SignatureDoesNotMatch before', async () => {
  const headers: Headers = [['Date', DATE], ['x-amz-security-token', 'stray']];
  const stringToSign = `GET\n\n\n${DATE}\nx-amz-security-token:stray\n/b/k`;
  await rejectsWith(run(request(headers, { stringToSign })), {
    status: 400,
    code: 'InvalidToken',
    message: 'The provided token is malformed or otherwise invalid.',
    fields: [['Token-0', 'stray']],
  });
  await assert.rejects(run(request(headers, { signature: BAD_SIG })), { code: 'SignatureDoesNotMatch' });
});
