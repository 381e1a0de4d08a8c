import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuditRecord } from '../audit/audit-record.ts';
import { recordContext } from '../audit/record-context.ts';
import { SimulateInputError, parseContext } from './parse-context.ts';
import { replayInput } from './replay-input.ts';

const base: AuditRecord = {
  v: 1,
  time: '2024-05-01T12:10:00.000Z',
  requestId: 'REQ0000000000001',
  status: 403,
  principal: 'arn:aws:iam::111122223333:user/alice',
  principalType: 'User',
  sourceIp: '10.1.2.3',
  secureTransport: true,
  userAgent: 'aws-cli/2.15',
  authentication: { scheme: 'v4-query', signedAt: '2024-05-01T12:00:00.000Z', expiresSeconds: 3600 },
  action: 's3:ListBucket',
  resource: 'arn:aws:s3:::photos',
  decision: 'implicit-deny',
  context: { 's3:prefix': 'home/alice/', 's3:x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
};

describe('recordContext', () => {
  it('names each condition key the request supplied as simulate --context takes it', () => {
    assert.deepEqual(
      recordContext({
        now: 0,
        secureTransport: true,
        tlsVersion: 'TLSv1.3',
        referer: 'https://example.com/',
        contentSha256: 'UNSIGNED-PAYLOAD',
        operation: {
          prefix: 'a/',
          delimiter: '/',
          maxKeys: 10,
          cannedAcl: 'public-read',
          grants: { read: 'uri="http://acs.amazonaws.com/groups/global/AllUsers"' },
          requestObjectTags: { team: 'blue' },
        },
      }),
      {
        'aws:Referer': 'https://example.com/',
        's3:TlsVersion': 'TLSv1.3',
        's3:x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
        's3:prefix': 'a/',
        's3:delimiter': '/',
        's3:max-keys': '10',
        's3:x-amz-acl': 'public-read',
        's3:x-amz-grant-read': 'uri="http://acs.amazonaws.com/groups/global/AllUsers"',
        's3:RequestObjectTag/team': 'blue',
      },
    );
  });

  it('nothing beyond the record’s own fields: no context at all', () => {
    assert.equal(recordContext({ now: 0, secureTransport: false, sourceIp: '127.0.0.1', operation: {} }), undefined);
  });
});

describe('replayInput', () => {
  it('a presigned V4 request: its time, source, transport, agent, signing and recorded keys', () => {
    const q = replayInput(base);
    assert.deepEqual(q, {
      principal: 'arn:aws:iam::111122223333:user/alice',
      action: 's3:ListBucket',
      resource: 'arn:aws:s3:::photos',
      context: [
        'aws:CurrentTime=2024-05-01T12:10:00.000Z',
        'aws:SourceIp=10.1.2.3',
        'aws:SecureTransport=true',
        'aws:UserAgent=aws-cli/2.15',
        's3:authType=REST-QUERY-STRING',
        's3:signatureversion=AWS4-HMAC-SHA256',
        's3:signatureAge=600000',
        's3:prefix=home/alice/',
        's3:x-amz-content-sha256=UNSIGNED-PAYLOAD',
      ],
    });
    // …which simulate's own parser reads back into the same request.
    const facts = parseContext(q.context);
    assert.deepEqual([facts.now, facts.sourceIp, facts.secure, facts.scheme, facts.signatureAgeMs], [Date.parse(base.time), '10.1.2.3', true, 'v4-query', 600_000]);
    assert.deepEqual(facts.query, [['prefix', 'home/alice/']]);
  });

  it('SigV2 in a header is AWS + REST-HEADER; anonymous has no signing keys', () => {
    const v2 = replayInput({ ...base, authentication: { scheme: 'v2-header', signedAt: base.time }, context: undefined });
    assert.ok(v2.context.includes('s3:authType=REST-HEADER') && v2.context.includes('s3:signatureversion=AWS') && v2.context.includes('s3:signatureAge=0'));
    assert.equal(parseContext(v2.context).scheme, 'v2-header');
    const anonymous = replayInput({ ...base, principal: 'anonymous', principalType: 'Anonymous', authentication: { scheme: 'none' }, context: undefined });
    assert.deepEqual(anonymous.context.filter((c) => c.startsWith('s3:')), []);
  });

  it('a request refused by authentication, or never authorized, cannot be asked again', () => {
    assert.throws(
      () => replayInput({ ...base, principal: 'unauthenticated', decision: 'not-authorized-because-authentication-failed', error: { code: 'ExpiredToken', status: 400, message: 'The provided token has expired.' } }),
      (e: Error) => e instanceof SimulateInputError && /failed authentication \(ExpiredToken\)/.test(e.message),
    );
    const { action: _a, resource: _r, ...unauthorized } = base;
    assert.throws(() => replayInput({ ...unauthorized, operation: 'AssumeRole', decision: 'not-evaluated' }), /without an S3 authorization decision/);
  });
});
