import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Authentication } from '../../auth/authentication.ts';
import type { Principal } from '../../auth/principal.ts';
import { buildS3RequestContext } from './build-s3-request-context.ts';
import { A, alice, anonymous, rootA, session } from './policy.fixtures.ts';

const NOW = Date.UTC(2024, 4, 1, 12, 0, 0);

function signed(principal: Exclude<Principal, { type: 'Anonymous' }>, extra: Partial<Extract<Authentication, { kind: 'signed' }>> = {}, issuedAt?: number): Authentication {
  return {
    kind: 'signed',
    scheme: 'v4-query',
    principal,
    credential: { accessKeyId: 'AKIA', principal, signingKey: () => Buffer.alloc(0), signV2: () => '', ...(issuedAt ? { issuedAt, sessionToken: 'tok' } : {}) },
    signatureVersion: 'AWS4-HMAC-SHA256',
    signedAt: NOW - 90_000,
    ...extra,
  };
}

const obj = (ctx: ReturnType<typeof buildS3RequestContext>) => Object.fromEntries(ctx.entries());

test('an IAM user over TLS with a presigned URL', () => {
  const ctx = buildS3RequestContext({
    auth: signed(alice as Exclude<Principal, { type: 'Anonymous' }>),
    now: NOW,
    secureTransport: true,
    tlsVersion: 'TLSv1.3',
    sourceIp: '203.0.113.9',
    userAgent: 'aws-cli/2',
    contentSha256: 'UNSIGNED-PAYLOAD',
    resourceAccount: A,
    operation: { prefix: '', delimiter: '/', maxKeys: 100 },
  });
  assert.deepEqual(obj(ctx), {
    'aws:currenttime': '2024-05-01T12:00:00Z',
    'aws:epochtime': '1714564800',
    'aws:securetransport': 'true',
    'aws:sourceip': '203.0.113.9',
    'aws:useragent': 'aws-cli/2',
    'aws:resourceaccount': A,
    's3:resourceaccount': A,
    's3:tlsversion': '1.3',
    'aws:username': 'alice',
    'aws:userid': 'AIDAALICEXXXXXXXXXXX',
    'aws:principaltype': 'User',
    'aws:principalarn': `arn:aws:iam::${A}:user/alice`,
    'aws:principalaccount': A,
    's3:authtype': 'REST-QUERY-STRING',
    's3:signatureversion': 'AWS4-HMAC-SHA256',
    's3:signatureage': '90000',
    's3:x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
    's3:prefix': '', // present, possibly empty, when the parameter is sent
    's3:delimiter': '/',
    's3:max-keys': '100',
  });
  // Keys are looked up case-insensitively.
  assert.equal(ctx.lookup('AWS:SecureTransport'), 'true');
});

test('principal keys by principal type (§5.1 table)', () => {
  const keys = (auth: Authentication) => {
    const o = obj(buildS3RequestContext({ auth, now: NOW, secureTransport: false }));
    return [o['aws:username'], o['aws:userid'], o['aws:principaltype'], o['aws:principalarn'], o['aws:principalaccount']];
  };
  assert.deepEqual(keys({ kind: 'anonymous', principal: { type: 'Anonymous' } }), [undefined, 'anonymous', 'Anonymous', undefined, undefined]);
  assert.deepEqual(keys(signed(rootA as Exclude<Principal, { type: 'Anonymous' }>)), [undefined, A, 'Account', `arn:aws:iam::${A}:root`, A]);
  const job = session(A, 'app', 'job1') as Exclude<Principal, { type: 'Anonymous' }>;
  assert.deepEqual(keys(signed(job)), [undefined, 'AROAAPPYYYYYYYYYYYYY:job1', 'AssumedRole', `arn:aws:iam::${A}:role/app`, A]);
  void anonymous;
});

test('signature facts: auth type, SigV2 age 0, anonymous has none; TLS version only over TLS', () => {
  const v2 = obj(buildS3RequestContext({ auth: signed(alice as never, { scheme: 'v2-header', signatureVersion: 'AWS' }), now: NOW, secureTransport: false, tlsVersion: 'TLSv1.2', contentSha256: 'x' }));
  assert.deepEqual([v2['s3:authtype'], v2['s3:signatureversion'], v2['s3:signatureage'], v2['s3:x-amz-content-sha256'], v2['s3:tlsversion'], v2['aws:securetransport']], ['REST-HEADER', 'AWS', '0', undefined, undefined, 'false']);
  const post = obj(buildS3RequestContext({ auth: signed(alice as never, { scheme: 'post-policy' }), now: NOW, secureTransport: true }));
  assert.equal(post['s3:authtype'], 'POST');
  const anon = obj(buildS3RequestContext({ auth: { kind: 'anonymous', principal: { type: 'Anonymous' } }, now: NOW, secureTransport: true }));
  assert.deepEqual([anon['s3:authtype'], anon['s3:signatureversion'], anon['s3:signatureage']], [undefined, undefined, undefined]);
});

test('temporary credentials: MFA keys and token issue time; absent for long-term keys', () => {
  const long = obj(buildS3RequestContext({ auth: signed(alice as never), now: NOW, secureTransport: true }));
  assert.deepEqual([long['aws:multifactorauthpresent'], long['aws:tokenissuetime']], [undefined, undefined]);
  const job = session(A, 'app', 'job1') as Exclude<Principal, { type: 'Anonymous' }>;
  const temp = obj(buildS3RequestContext({ auth: signed(job, {}, NOW - 3_600_000), now: NOW, secureTransport: true }));
  assert.deepEqual([temp['aws:multifactorauthpresent'], temp['aws:tokenissuetime'], temp['aws:multifactorauthage']], ['false', '2024-05-01T11:00:00Z', undefined]);
  const mfa = obj(buildS3RequestContext({ auth: signed(job), now: NOW, secureTransport: true, session: { issuedAt: NOW - 120_000, mfaAuthenticatedAt: NOW - 120_000 } }));
  assert.deepEqual([mfa['aws:multifactorauthpresent'], mfa['aws:multifactorauthage']], ['true', '120']);
});

test('operation facts: ACL headers, copy source as sent, tags', () => {
  const ctx = buildS3RequestContext({
    auth: signed(alice as never),
    now: NOW,
    secureTransport: true,
    principalTags: { team: 'red' },
    operation: {
      versionId: 'v1',
      cannedAcl: 'public-read',
      grants: { read: 'uri="http://acs.amazonaws.com/groups/global/AllUsers"' },
      copySource: '/photos/a%2Fb.jpg',
      metadataDirective: 'REPLACE',
      serverSideEncryption: 'AES256',
      storageClass: 'STANDARD',
      existingObjectTags: { Project: 'x' },
      requestObjectTags: { env: 'prod', owner: 'me' },
      locationConstraint: 'EU',
      objectOwnership: 'BucketOwnerEnforced',
      ifNoneMatch: '*',
    },
  });
  const o = obj(ctx);
  assert.equal(o['aws:principaltag/team'], 'red');
  assert.equal(o['s3:versionid'], 'v1');
  assert.equal(o['s3:x-amz-acl'], 'public-read');
  assert.equal(o['s3:x-amz-grant-read'], 'uri="http://acs.amazonaws.com/groups/global/AllUsers"');
  assert.equal(o['s3:x-amz-copy-source'], '/photos/a%2Fb.jpg');
  assert.equal(o['s3:existingobjecttag/project'], 'x');
  assert.equal(o['s3:requestobjecttag/env'], 'prod');
  assert.deepEqual(o['s3:requestobjecttagkeys'], ['env', 'owner']);
  assert.equal(o['s3:locationconstraint'], 'EU');
  assert.equal(o['s3:if-none-match'], '*');
  assert.equal(ctx.lookup('s3:ExistingObjectTag/Project'), 'x');
});

test('an IPv4 client seen through a dual-stack socket is reported as IPv4', () => {
  const ip = (sourceIp: string) => buildS3RequestContext({ auth: { kind: 'anonymous', principal: { type: 'Anonymous' } }, now: NOW, secureTransport: false, sourceIp }).lookup('aws:SourceIp');
  assert.equal(ip('::ffff:203.0.113.9'), '203.0.113.9');
  assert.equal(ip('::FFFF:10.0.0.1'), '10.0.0.1');
  assert.equal(ip('2001:db8::1'), '2001:db8::1');
});
