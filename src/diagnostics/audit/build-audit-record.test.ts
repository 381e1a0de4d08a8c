import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPresignedWindow } from '../../auth/sigv4/check-presigned-window.ts';
import { credentialFailureError } from '../../auth/sigv4/credential-failure-error.ts';
import { expiredToken, requestTimeTooSkewed, signatureDoesNotMatch } from '../../auth/sigv4/sigv4-errors.ts';
import { S3Error, invalidArgument, noSuchBucket } from '../../s3/errors/s3-error.ts';
import { buildAuditRecord } from './build-audit-record.ts';
import { ALICE, ALLOWED_BY_ACL, DENIED_BY_MAX_AGE, RECEIVED_AT, SECRET, SESSION_TOKEN, SIGNATURE, input, request, signed } from './testing/audit-fixtures.ts';

const PRESIGNED =
  `/photos/cat.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAEXAMPLESESSION01%2F20240501%2Fus-east-1%2Fs3%2Faws4_request` +
  `&X-Amz-Date=20240501T121000Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host&X-Amz-Security-Token=${encodeURIComponent(SESSION_TOKEN)}&X-Amz-Signature=${SIGNATURE}`;
const HEADER_AUTH = `AWS4-HMAC-SHA256 Credential=AKIAEXAMPLEALICE0001/20240501/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=${SIGNATURE}`;

/** What the pipeline throws, caught. */
function thrown(fn: () => void): S3Error {
  try {
    fn();
  } catch (e) {
    return e as S3Error;
  }
  throw new Error('did not throw');
}

describe('buildAuditRecord', () => {
  it('an allowed request: who, from where, how signed, what, and what allowed it', () => {
    const req = request({ headers: { authorization: HEADER_AUTH, 'x-amz-date': '20240501T120000Z', 'user-agent': 'aws-cli/2.15' } });
    const r = buildAuditRecord(input(req, { operation: 'ListObjectsV2', auth: signed(ALICE), decision: ALLOWED_BY_ACL, response: { status: 200 } }));
    assert.deepEqual(r, {
      v: 1,
      time: '2024-05-01T12:11:00.250Z',
      requestId: 'REQUEST000000001',
      method: 'GET',
      path: '/photos/cat.jpg',
      operation: 'ListObjectsV2',
      status: 200,
      principal: 'arn:aws:iam::111122223333:user/alice',
      principalType: 'User',
      accountId: '111122223333',
      accessKeyId: 'AKIAEXAMPLEALICE0001',
      sourceIp: '203.0.113.9',
      secureTransport: false,
      userAgent: 'aws-cli/2.15',
      authentication: { scheme: 'v4-header', signedAt: new Date(RECEIVED_AT - 660_000).toISOString(), scope: '20240501/us-east-1/s3' },
      action: 's3:ListBucket',
      resource: 'arn:aws:s3:::photos',
      reason: 'allowed: the ACL of bucket photos grants READ to AllUsers',
      acl: 'the ACL of bucket photos grants READ to AllUsers',
      notes: ['RestrictPublicBuckets is off'],
      decision: 'allow',
      ms: 1.2,
    });
  });

  it('a denial: the deciding statements with their condition values; message and reason kept once', () => {
    const req = request({ target: PRESIGNED });
    const error = new S3Error('AccessDenied', { message: DENIED_BY_MAX_AGE.message, reason: DENIED_BY_MAX_AGE.reason });
    const r = buildAuditRecord(input(req, { operation: 'GetObject', auth: signed(ALICE, { scheme: 'v4-query', sessionToken: SESSION_TOKEN }), decision: DENIED_BY_MAX_AGE, error, response: { status: 403 } }));
    assert.equal(r.decision, 'explicit-deny');
    assert.equal(r.reason, DENIED_BY_MAX_AGE.reason);
    assert.deepEqual(r.statements, DENIED_BY_MAX_AGE.trace!.statements);
    assert.equal(r.deniedBy, 'resource-based');
    assert.equal(r.message, undefined, 'the same as error.message');
    assert.deepEqual(r.error, { code: 'AccessDenied', status: 403, message: DENIED_BY_MAX_AGE.message });
    assert.equal(r.temporaryCredentials, true);
    assert.deepEqual(r.authentication, { scheme: 'v4-query', signedAt: new Date(RECEIVED_AT - 660_000).toISOString(), expiresSeconds: 60, expiresAt: '2024-05-01T12:01:00Z', scope: '20240501/us-east-1/s3' });
  });

  describe('authentication failures: the AWS error, why in plain words, and who the request claimed to be', () => {
    const failure = (req: ReturnType<typeof request>, error: S3Error) => buildAuditRecord(input(req, { operation: 'GetObject', error, response: { status: error.status } }));

    it('an expired presigned URL', () => {
      const now = Date.parse('2024-05-01T12:11:05Z');
      const error = thrown(() => checkPresignedWindow({ signedAt: Date.parse('2024-05-01T12:10:00Z'), expiresSeconds: 60 }, now, 900_000));
      const r = failure(request({ target: PRESIGNED }), error);
      assert.equal(r.decision, 'not-authorized-because-authentication-failed');
      assert.equal(r.principal, 'unauthenticated');
      assert.equal(r.accessKeyId, 'ASIAEXAMPLESESSION01');
      assert.equal(r.temporaryCredentials, true);
      assert.equal(r.resource, 'arn:aws:s3:::photos/cat.jpg');
      assert.deepEqual(r.error, { code: 'AccessDenied', status: 403, message: 'Request has expired', fields: { 'X-Amz-Expires': '60', Expires: '2024-05-01T12:11:00Z', ServerTime: '2024-05-01T12:11:05Z' } });
      assert.equal(
        r.reason,
        'the presigned URL expired at 2024-05-01T12:11:00Z (X-Amz-Date 2024-05-01T12:10:00.000Z + X-Amz-Expires 60 s); the server clock read 2024-05-01T12:11:05Z, 5 seconds later',
      );
    });

    it('a presigned URL dated in the future', () => {
      const error = thrown(() => checkPresignedWindow({ signedAt: Date.parse('2024-05-01T12:10:00Z'), expiresSeconds: 60 }, Date.parse('2024-05-01T11:00:00Z'), 900_000));
      assert.match(failure(request({ target: PRESIGNED }), error).reason!, /^the presigned URL is dated 2024-05-01T12:10:00.000Z, in the future by more than the allowed clock skew: the server clock read 2024-05-01T11:00:00Z/);
    });

    it('a header-signed request outside the skew window', () => {
      const req = request({ headers: { authorization: HEADER_AUTH, 'x-amz-date': '20240501T120000Z' } });
      const r = failure(req, requestTimeTooSkewed('20240501T120000Z', Date.parse('2024-05-01T12:20:30Z'), 900_000));
      assert.equal(r.accessKeyId, 'AKIAEXAMPLEALICE0001');
      assert.equal(r.reason, 'the request was signed at 2024-05-01T12:00:00.000Z and the server clock read 2024-05-01T12:20:30Z, 20 minutes 30 seconds behind it; at most 15 minutes either way is allowed (--max-skew)');
    });

    it('unknown, inactive and deleted keys; a session key without its token', () => {
      const req = request({ headers: { authorization: HEADER_AUTH, 'x-amz-date': '20240501T120000Z' } });
      const words = (f: Parameters<typeof credentialFailureError>[0]['failure']) =>
        failure(req, credentialFailureError({ failure: f } as Parameters<typeof credentialFailureError>[0], 'AKIAEXAMPLEALICE0001', undefined)).reason;
      assert.equal(words('unknown-key'), 'the access key AKIAEXAMPLEALICE0001 does not exist on this server');
      assert.equal(words('inactive-key'), 'the access key AKIAEXAMPLEALICE0001 is inactive (deactivated)');
      assert.equal(words('principal-deleted'), 'the access key AKIAEXAMPLEALICE0001 belongs to a user, role or account that has been deleted');
      assert.equal(words('token-missing'), 'the access key AKIAEXAMPLEALICE0001 is a temporary (session) key, and no session token was sent with it');
    });

    it('an expired session token: said, and the token itself (Token-0) not kept', () => {
      const r = failure(request({ target: PRESIGNED }), expiredToken(SESSION_TOKEN));
      assert.equal(r.reason, "the session token sent with ASIAEXAMPLESESSION01 has expired: the temporary credentials' session ended before 2024-05-01T12:11:00.250Z (the server clock)");
      assert.equal(r.error?.fields, undefined);
    });

    it('a signature mismatch: only the access key id of the error document is kept', () => {
      const req = request({ headers: { authorization: HEADER_AUTH, 'x-amz-date': '20240501T120000Z', 'x-amz-security-token': SESSION_TOKEN } });
      const error = signatureDoesNotMatch({ accessKeyId: 'AKIAEXAMPLEALICE0001', stringToSign: `AWS4-HMAC-SHA256\n${SIGNATURE}`, signatureProvided: SIGNATURE, canonicalRequest: `GET\n/\nx-amz-security-token:${SESSION_TOKEN}` });
      const r = failure(req, error);
      assert.deepEqual(r.error?.fields, { AWSAccessKeyId: 'AKIAEXAMPLEALICE0001' });
      assert.match(r.reason!, /^the signature is not the one the secret of AKIAEXAMPLEALICE0001 gives for this request/);
      assert.equal(r.temporaryCredentials, true);
    });

    it('never writes a secret, a signature or a session token', () => {
      const records = [
        failure(request({ target: PRESIGNED }), expiredToken(SESSION_TOKEN)),
        failure(request({ headers: { authorization: HEADER_AUTH } }), invalidArgument('Authorization header is invalid', 'Authorization', HEADER_AUTH)),
        failure(request({ target: PRESIGNED }), signatureDoesNotMatch({ accessKeyId: 'A', stringToSign: SIGNATURE, signatureProvided: SIGNATURE, canonicalRequest: SESSION_TOKEN })),
        buildAuditRecord(input(request({ target: PRESIGNED }), { operation: 'GetObject', auth: signed(ALICE, { scheme: 'v4-query', sessionToken: SESSION_TOKEN }), decision: ALLOWED_BY_ACL, response: { status: 200 } })),
      ];
      const text = JSON.stringify(records);
      for (const secret of [SECRET, SIGNATURE, SESSION_TOKEN, encodeURIComponent(SESSION_TOKEN), 'Signature=', 'X-Amz-Security-Token']) {
        assert.ok(!text.includes(secret), `${secret} in ${text}`);
      }
    });
  });

  it('requests that never reached authorization for other reasons are not-evaluated', () => {
    const req = request();
    const noBucket = buildAuditRecord(input(req, { operation: 'GetObject', auth: signed(ALICE), error: noSuchBucket('photos'), response: { status: 404 } }));
    assert.equal(noBucket.decision, 'not-evaluated');
    assert.deepEqual(noBucket.error?.fields, { BucketName: 'photos' });
    const unparsed = buildAuditRecord(input(req, { error: new S3Error('MethodNotAllowed'), response: { status: 405 } }));
    assert.deepEqual([unparsed.decision, unparsed.principal], ['not-evaluated', 'anonymous']);
    const internal = buildAuditRecord(input(req, { operation: 'GetObject', error: new S3Error('InternalError', { reason: 'Error: disk on fire\n    at x (y.ts:1)' }), response: { status: 500 } }));
    assert.deepEqual([internal.decision, internal.error?.reason], ['not-evaluated', 'Error: disk on fire']);
    const malformed = buildAuditRecord({ requestId: 'R', req: undefined, outcome: { error: new S3Error('InvalidURI'), response: { status: 400 } }, receivedAt: RECEIVED_AT, method: 'GET', remoteAddress: '::1' });
    assert.deepEqual([malformed.method, malformed.sourceIp, malformed.time], ['GET', '::1', '2024-05-01T12:11:00.250Z']);
  });
});
