/**
 * The nine worked examples of policy-evaluation.md §9, as tables: account A = 111122223333
 * owns `photos` (and `corp`), account B = 444455556666. Request contexts are built the way the
 * authorizer will build them, from authentication results and request facts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Authentication, AuthScheme } from '../../auth/authentication.ts';
import type { Principal } from '../../auth/principal.ts';
import type { AccessEvaluation } from './access-evaluation.ts';
import { buildS3RequestContext, type S3OperationFacts } from './build-s3-request-context.ts';
import { evaluateAccess, isAccessAllowed } from './evaluate.ts';
import { isPublicPolicy } from './is-public-policy.ts';
import { A, alice, anonymous, B, bob, bucketPolicy, identity, managed, rootB, session, user } from './policy.fixtures.ts';

const NOW = Date.UTC(2024, 4, 1, 12, 0, 0);
const MIN = 60_000;

function auth(principal: Principal, opts: { scheme?: AuthScheme; signedAt?: number } = {}): Authentication {
  if (principal.type === 'Anonymous') return { kind: 'anonymous', principal };
  const scheme = opts.scheme ?? 'v4-header';
  return {
    kind: 'signed',
    scheme,
    principal,
    credential: { accessKeyId: 'AKIAEXAMPLE', principal, signingKey: () => Buffer.alloc(32), signV2: () => '' },
    signatureVersion: scheme.startsWith('v2') ? 'AWS' : 'AWS4-HMAC-SHA256',
    signedAt: opts.signedAt ?? NOW,
  };
}

interface Req {
  principal: Principal;
  action: string;
  resource: string;
  https?: boolean;
  scheme?: AuthScheme;
  signedAt?: number;
  sourceIp?: string;
  operation?: S3OperationFacts;
}

function request(r: Req, policies: Omit<AccessEvaluation, 'principal' | 'action' | 'resource' | 'context'>): AccessEvaluation {
  const context = buildS3RequestContext({
    auth: auth(r.principal, { ...(r.scheme ? { scheme: r.scheme } : {}), ...(r.signedAt ? { signedAt: r.signedAt } : {}) }),
    now: NOW,
    secureTransport: r.https ?? true,
    sourceIp: r.sourceIp ?? '198.51.100.7',
    ...(r.operation ? { operation: r.operation } : {}),
  });
  return { principal: r.principal, action: r.action, resource: r.resource, context, resourceOwner: A, ...policies };
}

interface Expect {
  allowed: boolean;
  effect: 'allow' | 'explicit-deny' | 'implicit-deny';
  message?: string;
  reason?: RegExp;
}

function check(name: string, input: AccessEvaluation, want: Expect): void {
  const d = evaluateAccess(input);
  const label = `${name}: ${d.reason}`;
  assert.equal(d.allowed, want.allowed, label);
  assert.equal(d.effect, want.effect, label);
  assert.equal(isAccessAllowed(input), want.allowed, label);
  if (want.message !== undefined) assert.equal(d.message, want.message, label);
  if (want.reason !== undefined) assert.match(d.reason, want.reason, label);
}

const obj = (key: string, bucket = 'photos') => `arn:aws:s3:::${bucket}/${key}`;
const ALICE = `arn:aws:iam::${A}:user/alice`;

test('E1 — same-account user with AmazonS3ReadOnlyAccess, no bucket policy', () => {
  const p = { identityPolicies: [managed('AmazonS3ReadOnlyAccess')] };
  const rows: Array<[string, Req, Expect]> = [
    ['GET cat.jpg', { principal: alice, action: 's3:GetObject', resource: obj('cat.jpg') }, { allowed: true, effect: 'allow', reason: /AmazonS3ReadOnlyAccess/ }],
    [
      'PUT dog.jpg',
      { principal: alice, action: 's3:PutObject', resource: obj('dog.jpg') },
      {
        allowed: false,
        effect: 'implicit-deny',
        message: `User: ${ALICE} is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::photos/dog.jpg" because no identity-based policy allows the s3:PutObject action`,
      },
    ],
    // GET missing.jpg: 404 rather than 403 because alice also has s3:ListBucket (s3:List*).
    ['ListBucket for the 404-vs-403 rule', { principal: alice, action: 's3:ListBucket', resource: 'arn:aws:s3:::photos' }, { allowed: true, effect: 'allow' }],
  ];
  for (const [name, r, want] of rows) check(name, request(r, p), want);
});

test('E2 — a TLS-only bucket policy beats admin rights', () => {
  const p = {
    identityPolicies: [managed('AmazonS3FullAccess')],
    resourcePolicy: bucketPolicy([
      { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::photos', 'arn:aws:s3:::photos/*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
    ]),
  };
  const get = { principal: alice, action: 's3:GetObject', resource: obj('cat.jpg') };
  check('plain HTTP', request({ ...get, https: false }, p), {
    allowed: false,
    effect: 'explicit-deny',
    message: `User: ${ALICE} is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::photos/cat.jpg" with an explicit deny in a resource-based policy`,
    reason: /Statement\[0\] in the bucket policy of 'photos' matched: aws:SecureTransport 'false' is 'false'/,
  });
  check('HTTPS', request({ ...get, https: true }, p), { allowed: true, effect: 'allow' });
});

test('E3 — cross-account read', () => {
  const policy = bucketPolicy([{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${B}:root` }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*' }]);
  const bobPolicy = identity('bob-read', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*' }]);
  const get = (principal: Principal) => ({ principal, action: 's3:GetObject', resource: obj('cat.jpg') });
  check('bob, no identity policy', request(get(bob), { resourcePolicy: policy }), { allowed: false, effect: 'implicit-deny', message: 'Access Denied' });
  check('bob, identity policy attached', request(get(bob), { resourcePolicy: policy, identityPolicies: [bobPolicy] }), { allowed: true, effect: 'allow' });
  check("B's root", request(get(rootB), { resourcePolicy: policy }), { allowed: true, effect: 'allow' });
});

test('E4 — a public website bucket and Block Public Access', () => {
  const publicRead = bucketPolicy([{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*' }]);
  // BlockPublicPolicy rejects PutBucketPolicy for a public policy: the caller asks isPublicPolicy.
  assert.equal(isPublicPolicy(publicRead.policy), true);
  const restrict = { blockPublicAccess: { restrictPublicBuckets: true } };
  const get = (principal: Principal, sourceIp?: string) => ({ principal, action: 's3:GetObject', resource: obj('index.html'), ...(sourceIp ? { sourceIp } : {}) });
  check('anonymous, RestrictPublicBuckets', request(get(anonymous), { resourcePolicy: publicRead, ...restrict }), { allowed: false, effect: 'implicit-deny', message: 'Access Denied', reason: /RestrictPublicBuckets/ });
  check('alice with an identity allow', request(get(alice), { resourcePolicy: publicRead, ...restrict, identityPolicies: [managed('AmazonS3ReadOnlyAccess')] }), { allowed: true, effect: 'allow' });

  const ranged = bucketPolicy([
    { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } },
  ]);
  assert.equal(isPublicPolicy(ranged.policy), false);
  check('anonymous from the range', request(get(anonymous, '203.0.113.20'), { resourcePolicy: ranged, ...restrict }), { allowed: true, effect: 'allow' });
  check('anonymous from elsewhere', request(get(anonymous, '198.51.100.20'), { resourcePolicy: ranged, ...restrict }), { allowed: false, effect: 'implicit-deny', message: 'Access Denied' });
});

test('E5 — a role session with a session policy', () => {
  const job1 = session(A, 'app', 'job1');
  const SESSION = `arn:aws:sts::${A}:assumed-role/app/job1`;
  const base = {
    identityPolicies: [managed('AmazonS3FullAccess')],
    sessionPolicies: [identity('session', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/public/*' }])],
  };
  const putGrant = (principal: string) => bucketPolicy([{ Effect: 'Allow', Principal: { AWS: principal }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::photos/*' }]);
  const put = { principal: job1, action: 's3:PutObject', resource: obj('public/b.jpg') };
  const denied = `User: ${SESSION} is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::photos/public/b.jpg" because no session policy allows the s3:PutObject action`;
  check('GET public/a.jpg', request({ principal: job1, action: 's3:GetObject', resource: obj('public/a.jpg') }, base), { allowed: true, effect: 'allow' });
  check('PUT public/b.jpg', request(put, base), { allowed: false, effect: 'implicit-deny', message: denied });
  check('bucket policy grants the role ARN', request(put, { ...base, resourcePolicy: putGrant(`arn:aws:iam::${A}:role/app`) }), { allowed: false, effect: 'implicit-deny', message: denied });
  check('bucket policy grants the session ARN', request(put, { ...base, resourcePolicy: putGrant(SESSION) }), { allowed: true, effect: 'allow' });
});

test('E6 — home directories with ${aws:username}', () => {
  const home = identity(
    'home',
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::corp', Condition: { StringLike: { 's3:prefix': ['home/${aws:username}/*', 'home/${aws:username}'] } } },
        { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::corp/home/${aws:username}/*' },
      ],
    }),
  );
  const list = (principal: Principal, prefix: string) => ({ principal, action: 's3:ListBucket', resource: 'arn:aws:s3:::corp', operation: { prefix, delimiter: '/' } });
  check('alice lists home/alice/', request(list(alice, 'home/alice/'), { identityPolicies: [home] }), { allowed: true, effect: 'allow' });
  check('alice lists home/bob/', request(list(alice, 'home/bob/'), { identityPolicies: [home] }), {
    allowed: false,
    effect: 'implicit-deny',
    reason: /s3:prefix 'home\/bob\/' does not match any of/,
  });
  check('alice reads her file', request({ principal: alice, action: 's3:GetObject', resource: obj('home/alice/a.txt', 'corp') }, { identityPolicies: [home] }), { allowed: true, effect: 'allow' });
  const role = session(A, 'worker', 's1');
  check('a role session has no aws:username', request({ principal: role, action: 's3:GetObject', resource: obj('home/alice/a.txt', 'corp') }, { identityPolicies: [home] }), {
    allowed: false,
    effect: 'implicit-deny',
    reason: /names \$\{aws:username\} in its Resource, which this request does not have/,
  });
  check('nor can it list', request(list(role, 'home/alice/'), { identityPolicies: [home] }), { allowed: false, effect: 'implicit-deny' });
});

test('E7 — limit presigned URL age and require SigV4', () => {
  const policy = bucketPolicy([
    { Sid: 'MaxAge', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::photos/*', Condition: { NumericGreaterThan: { 's3:signatureAge': '600000' } } },
    { Sid: 'SigV4Only', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::photos/*', Condition: { StringNotEquals: { 's3:signatureversion': 'AWS4-HMAC-SHA256' } } },
  ]);
  const p = { resourcePolicy: policy, identityPolicies: [managed('AmazonS3FullAccess')] };
  const get = { principal: alice, action: 's3:GetObject', resource: obj('cat.jpg') };
  check('presigned URL used after 11 minutes', request({ ...get, scheme: 'v4-query', signedAt: NOW - 11 * MIN }, p), {
    allowed: false,
    effect: 'explicit-deny',
    reason: /^denied: statement 'MaxAge' in the bucket policy of 'photos' matched: s3:signatureAge 660000 > 600000$/,
    message: `User: ${ALICE} is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::photos/cat.jpg" with an explicit deny in a resource-based policy`,
  });
  check('presigned URL used after 5 minutes', request({ ...get, scheme: 'v4-query', signedAt: NOW - 5 * MIN }, p), { allowed: true, effect: 'allow' });
  check('SigV2', request({ ...get, scheme: 'v2-header' }, p), { allowed: false, effect: 'explicit-deny', reason: /'SigV4Only'.*s3:signatureversion 'AWS' does not equal 'AWS4-HMAC-SHA256'/ });
  check('anonymous: the missing key makes StringNotEquals true', request({ ...get, principal: anonymous }, { resourcePolicy: policy }), {
    allowed: false,
    effect: 'explicit-deny',
    message: 'Access Denied',
    reason: /'SigV4Only'.*s3:signatureversion is absent \(StringNotEquals holds without it\)/,
  });
});

test('E8 — an object written by another account (ACLs enabled, ObjectWriter)', () => {
  const p = { identityPolicies: [managed('AmazonS3FullAccess')], objectOwner: B };
  const on = (action: string) => ({ principal: alice, action, resource: obj('b.jpg') });
  check("alice GETs B's object", request(on('s3:GetObject'), p), {
    allowed: false,
    effect: 'implicit-deny',
    message: `User: ${ALICE} is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::photos/b.jpg" because no resource-based policy allows the s3:GetObject action`,
  });
  check("A deletes B's object", request(on('s3:DeleteObject'), p), { allowed: true, effect: 'allow' });
  // BucketOwnerEnforced: A owns every object; the caller passes the bucket owner (or nothing).
  check('BucketOwnerEnforced', request(on('s3:GetObject'), { ...p, objectOwner: A }), { allowed: true, effect: 'allow' });
});

test('E9 — NotPrincipal vs ArnNotEquals on aws:PrincipalArn', () => {
  const policy = bucketPolicy([
    {
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::photos', 'arn:aws:s3:::photos/*'],
      Condition: { ArnNotEquals: { 'aws:PrincipalArn': `arn:aws:iam::${A}:role/admin` } },
    },
  ]);
  const p = { resourcePolicy: policy, identityPolicies: [managed('AmazonS3FullAccess')] };
  const get = (principal: Principal) => ({ principal, action: 's3:GetObject', resource: obj('cat.jpg') });
  check('a session of admin', request(get(session(A, 'admin', 'ops')), p), { allowed: true, effect: 'allow' });
  check('alice', request(get(alice), p), { allowed: false, effect: 'explicit-deny' });
  check('another user', request(get(user(A, 'carol')), p), { allowed: false, effect: 'explicit-deny' });
  check('anonymous (aws:PrincipalArn absent → negated operator true)', request(get(anonymous), { resourcePolicy: policy }), {
    allowed: false,
    effect: 'explicit-deny',
    message: 'Access Denied',
    reason: /aws:PrincipalArn is absent/,
  });
});
