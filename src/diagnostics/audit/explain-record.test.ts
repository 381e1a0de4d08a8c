import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPresignedWindow } from '../../auth/sigv4/check-presigned-window.ts';
import { S3Error } from '../../s3/errors/s3-error.ts';
import type { AuditRecord } from './audit-record.ts';
import { buildAuditRecord } from './build-audit-record.ts';
import { headerSafe } from './denial-reason-header.ts';
import { describeTrace } from './describe-trace.ts';
import { explainRecord } from './explain-record.ts';
import { ALICE, ALLOWED_BY_ACL, DENIED_BY_MAX_AGE, SESSION_TOKEN, input, request, signed } from './testing/audit-fixtures.ts';

const PRESIGNED = '/photos/cat.jpg?X-Amz-Credential=AKIAEXAMPLEALICE0001%2F20240501%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240501T120000Z&X-Amz-Expires=3600&X-Amz-Signature=00';

describe('explainRecord', () => {
  it('an explicit deny: verdict, who/what/when/how, the reason, each statement and its conditions', () => {
    const error = new S3Error('AccessDenied', { message: DENIED_BY_MAX_AGE.message, reason: DENIED_BY_MAX_AGE.reason });
    const record = buildAuditRecord(input(request({ target: PRESIGNED, headers: { 'user-agent': 'curl/8' } }), { operation: 'GetObject', auth: signed(ALICE, { scheme: 'v4-query' }), decision: DENIED_BY_MAX_AGE, error, response: { status: 403 } }));
    const e = explainRecord(JSON.parse(JSON.stringify(record)) as AuditRecord);
    assert.deepEqual(e.verdict, { tone: 'denied', text: 'Denied: an explicit Deny matched' });
    assert.deepEqual(e.facts, [
      ['request id', 'REQUEST000000001'],
      ['when', '2024-05-01T12:11:00.250Z (server clock)'],
      ['operation', `GetObject  GET /photos/cat.jpg`],
      ['who', 'arn:aws:iam::111122223333:user/alice (IAM user of account 111122223333)'],
      ['access key', 'AKIAEXAMPLEALICE0001'],
      ['from', '203.0.113.9 over HTTP, curl/8'],
      ['signed', 'presigned URL, Signature Version 4, signed at 2024-05-01T12:00:00.250Z, X-Amz-Expires 3600 s, expires 2024-05-01T13:00:00Z, scope 20240501/us-east-1/s3'],
      ['what', 's3:GetObject on arn:aws:s3:::photos/cat.jpg'],
      ['answer', `403 AccessDenied: ${DENIED_BY_MAX_AGE.message}`],
      ['denied by', 'an explicit deny in a resource-based policy'],
    ]);
    assert.equal(e.reason, "denied: statement 'MaxAge' in the bucket policy of 'photos' matched: s3:signatureAge 660000 > 600000");
    assert.deepEqual(e.trace, [
      { tone: 'deny', depth: 0, text: "Deny: statement 'MaxAge' in the bucket policy of 'photos' (Statement[0])" },
      { tone: 'held', depth: 1, text: 'held: s3:signatureAge 660000 > 600000 (NumericGreaterThan)' },
    ]);
  });

  it('an allow by an ACL grant, with notes', () => {
    const record = buildAuditRecord(input(request(), { operation: 'ListObjectsV2', auth: { kind: 'anonymous', principal: { type: 'Anonymous' } }, decision: ALLOWED_BY_ACL, response: { status: 200 } }));
    const e = explainRecord(record);
    assert.deepEqual(e.verdict, { tone: 'allowed', text: 'Allowed' });
    assert.equal(e.reason, 'allowed: the ACL of bucket photos grants READ to AllUsers');
    assert.ok(e.facts.some(([l, v]) => l === 'who' && v === 'anonymous'));
    assert.ok(e.facts.some(([l, v]) => l === 'signed' && v === 'not signed (anonymous)'));
    assert.deepEqual(e.trace, [
      { tone: 'allow', depth: 0, text: 'ACL: the ACL of bucket photos grants READ to AllUsers' },
      { tone: 'note', depth: 0, text: 'note: RestrictPublicBuckets is off' },
    ]);
  });

  it('an authentication failure: the AWS error, why, and the internal reason', () => {
    let error: S3Error | undefined;
    try {
      checkPresignedWindow({ signedAt: Date.parse('2024-05-01T12:00:00Z'), expiresSeconds: 60 }, Date.parse('2024-05-01T12:11:00Z'), 900_000);
    } catch (e) {
      error = e as S3Error;
    }
    const record = buildAuditRecord(input(request({ target: PRESIGNED.replace('3600', '60') + `&X-Amz-Security-Token=${SESSION_TOKEN}` }), { operation: 'GetObject', error: error!, response: { status: 403 } }));
    const e = explainRecord(record);
    assert.deepEqual(e.verdict, { tone: 'failed', text: 'Refused before authorization: authentication failed (AccessDenied)' });
    assert.equal(e.reason, 'the presigned URL expired at 2024-05-01T12:01:00Z (X-Amz-Date 2024-05-01T12:00:00.000Z + X-Amz-Expires 60 s); the server clock read 2024-05-01T12:11:00Z, 10 minutes later');
    const facts = Object.fromEntries(e.facts);
    assert.equal(facts.who, 'nobody yet: authentication failed before the access key AKIAEXAMPLEALICE0001 was accepted');
    assert.equal(facts['access key'], 'AKIAEXAMPLEALICE0001 (temporary credentials, with a session token)');
    assert.equal(facts.answer, '403 AccessDenied: Request has expired');
    assert.equal(facts.what, 'arn:aws:s3:::photos/cat.jpg');
    assert.deepEqual(e.trace, []);
  });

  it('a request that never reached authorization', () => {
    const record = buildAuditRecord(input(request(), { operation: 'GetObject', auth: signed(ALICE), error: new S3Error('NoSuchBucket', { fields: [['BucketName', 'photos']] }), response: { status: 404 } }));
    const e = explainRecord(record);
    assert.deepEqual(e.verdict, { tone: 'neutral', text: 'Answered NoSuchBucket before any authorization decision' });
    assert.equal(e.reason, 'NoSuchBucket: The specified bucket does not exist');
  });
});

describe('describeTrace', () => {
  it('Allow statements that failed only on a condition, with the request value', () => {
    const lines = describeTrace({
      conditionFailures: [
        {
          statement: { policyKind: 'identity', policyName: 'alice/home', sid: undefined, index: 2, effect: 'Allow', conditions: [] },
          condition: { operator: 'StringLike', key: 's3:prefix', requestValue: 'home/bob/', policyValues: ['home/alice/*'], held: false, text: "s3:prefix 'home/bob/' does not match 'home/alice/*'" },
        },
      ],
    });
    assert.deepEqual(lines, [
      { tone: 'failed', depth: 0, text: "did not apply: Statement[2] in identity policy 'alice/home' — its condition failed" },
      { tone: 'failed', depth: 1, text: "failed: s3:prefix 'home/bob/' does not match 'home/alice/*' (StringLike)" },
    ]);
  });
});

describe('headerSafe (x-coffer-denial-reason)', () => {
  it('printable ASCII only, typographic quotes made plain, at most 1024 characters', () => {
    assert.equal(headerSafe("denied: statement ‘Café’ matched…\r\n"), "denied: statement 'Caf?' matched...  ");
    const long = headerSafe('x'.repeat(5000));
    assert.equal(long.length, 1024);
    assert.ok(long.endsWith('...'));
  });
});
