import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AccessEvaluation } from './access-evaluation.ts';
import { evaluateAccess, isAccessAllowed } from './evaluate.ts';
import { parseTrustPolicy } from './parse-policies.ts';
import { A, alice, anonymous, B, bob, bucketPolicy, ctx, identity, rootA, rootB, session, user } from './policy.fixtures.ts';

const OBJ = 'arn:aws:s3:::photos/cat.jpg';
const getAny = identity('get', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]);
const nothing = identity('nothing', [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::other' }]);
const grant = (principal: unknown, extra: Record<string, unknown> = {}) =>
  bucketPolicy([{ Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*', ...extra }]);
const job1 = session(A, 'app', 'job1');

interface Row {
  name: string;
  input: Partial<AccessEvaluation> & Pick<AccessEvaluation, 'principal'>;
  allowed: boolean;
  effect: 'allow' | 'explicit-deny' | 'implicit-deny';
  deniedBy?: string;
  message?: string;
}

function run(rows: Row[]): void {
  for (const row of rows) {
    const input: AccessEvaluation = { action: 's3:GetObject', resource: OBJ, resourceOwner: A, context: ctx(), ...row.input };
    const d = evaluateAccess(input);
    const label = `${row.name}: ${d.reason}`;
    assert.equal(d.allowed, row.allowed, label);
    assert.equal(d.effect, row.effect, label);
    assert.equal(isAccessAllowed(input), row.allowed, label);
    if (row.deniedBy !== undefined) assert.equal(d.deniedBy, row.deniedBy, label);
    if (row.message !== undefined) assert.equal(d.message, row.message, label);
    if (row.allowed) assert.equal(d.message, undefined, label);
  }
}

const enhanced = (arn: string, tail: string, action = 's3:GetObject', resource = OBJ) =>
  `User: ${arn} is not authorized to perform: ${action} on resource: "${resource}" ${tail}`;

test('same account (§7.2 step 5, §7.3): identity allow, or a resource grant that suffices on its own', () => {
  const boundaryNothing = nothing;
  run([
    { name: 'identity allows', input: { principal: alice, identityPolicies: [getAny] }, allowed: true, effect: 'allow' },
    {
      name: 'nothing allows',
      input: { principal: alice, identityPolicies: [nothing] },
      allowed: false,
      effect: 'implicit-deny',
      deniedBy: 'identity-based',
      message: enhanced(alice.type === 'User' ? alice.arn : '', 'because no identity-based policy allows the s3:GetObject action'),
    },
    { name: 'bucket policy names the user', input: { principal: alice, resourcePolicy: grant({ AWS: `arn:aws:iam::${A}:user/alice` }) }, allowed: true, effect: 'allow' },
    { name: 'bucket policy names "*"', input: { principal: alice, resourcePolicy: grant('*') }, allowed: true, effect: 'allow' },
    {
      name: 'bucket policy names the account: delegation needs identity policies',
      input: { principal: alice, resourcePolicy: grant({ AWS: A }) },
      allowed: false,
      effect: 'implicit-deny',
      deniedBy: 'identity-based',
    },
    { name: 'account grant + identity allow', input: { principal: alice, resourcePolicy: grant({ AWS: A }), identityPolicies: [getAny] }, allowed: true, effect: 'allow' },
    {
      name: 'boundary does not allow: identity allow is not enough',
      input: { principal: alice, identityPolicies: [getAny], permissionsBoundary: boundaryNothing },
      allowed: false,
      effect: 'implicit-deny',
      deniedBy: 'permissions boundary',
      message: enhanced(`arn:aws:iam::${A}:user/alice`, 'because no permissions boundary allows the s3:GetObject action'),
    },
    {
      name: 'user ARN grant ignores the boundary',
      input: { principal: alice, permissionsBoundary: boundaryNothing, resourcePolicy: grant({ AWS: `arn:aws:iam::${A}:user/alice` }) },
      allowed: true,
      effect: 'allow',
    },
    {
      name: '"*" grant is limited by the boundary',
      input: { principal: alice, permissionsBoundary: boundaryNothing, resourcePolicy: grant('*') },
      allowed: false,
      effect: 'implicit-deny',
      deniedBy: 'permissions boundary',
    },
    { name: 'boundary and identity both allow', input: { principal: alice, identityPolicies: [getAny], permissionsBoundary: getAny }, allowed: true, effect: 'allow' },
    { name: 'root of the owning account', input: { principal: rootA }, allowed: true, effect: 'allow' },
    { name: 'root ignores identity policies passed by mistake', input: { principal: rootA, identityPolicies: [nothing] }, allowed: true, effect: 'allow' },
  ]);
});

test('role sessions: session policies absent vs present-and-empty; role vs session ARN grants (§7.3)', () => {
  run([
    { name: 'role policy, no session policy', input: { principal: job1, identityPolicies: [getAny] }, allowed: true, effect: 'allow' },
    {
      name: 'session policies present but empty',
      input: { principal: job1, identityPolicies: [getAny], sessionPolicies: [] },
      allowed: false,
      effect: 'implicit-deny',
      deniedBy: 'session',
      message: enhanced(`arn:aws:sts::${A}:assumed-role/app/job1`, 'because no session policy allows the s3:GetObject action'),
    },
    { name: 'session policy allows too', input: { principal: job1, identityPolicies: [getAny], sessionPolicies: [getAny] }, allowed: true, effect: 'allow' },
    { name: 'role ARN grant, no session policy', input: { principal: job1, resourcePolicy: grant({ AWS: `arn:aws:iam::${A}:role/app` }) }, allowed: true, effect: 'allow' },
    {
      name: 'role ARN grant, session policy does not allow',
      input: { principal: job1, resourcePolicy: grant({ AWS: `arn:aws:iam::${A}:role/app` }), sessionPolicies: [nothing] },
      allowed: false,
      effect: 'implicit-deny',
      deniedBy: 'session',
    },
    {
      name: 'session ARN grant ignores the session policy',
      input: { principal: job1, resourcePolicy: grant({ AWS: `arn:aws:sts::${A}:assumed-role/app/job1` }), sessionPolicies: [nothing], permissionsBoundary: nothing },
      allowed: true,
      effect: 'allow',
    },
  ]);
});

test('cross account: identity side and resource side must both allow; plain Access Denied', () => {
  run([
    { name: 'identity only', input: { principal: bob, identityPolicies: [getAny] }, allowed: false, effect: 'implicit-deny', deniedBy: 'resource-based', message: 'Access Denied' },
    { name: 'bucket only', input: { principal: bob, resourcePolicy: grant({ AWS: B }) }, allowed: false, effect: 'implicit-deny', deniedBy: 'identity-based', message: 'Access Denied' },
    { name: 'direct user grant still needs identity', input: { principal: bob, resourcePolicy: grant({ AWS: `arn:aws:iam::${B}:user/bob` }) }, allowed: false, effect: 'implicit-deny' },
    { name: 'both', input: { principal: bob, identityPolicies: [getAny], resourcePolicy: grant({ AWS: B }) }, allowed: true, effect: 'allow' },
    { name: 'root of the other account + grant', input: { principal: rootB, resourcePolicy: grant({ AWS: `arn:aws:iam::${B}:root` }) }, allowed: true, effect: 'allow' },
    { name: 'root of the other account, no grant', input: { principal: rootB }, allowed: false, effect: 'implicit-deny', message: 'Access Denied' },
    { name: 'ACL grant + identity', input: { principal: bob, identityPolicies: [getAny], acl: { allowed: true, description: 'object ACL grants READ to B' } }, allowed: true, effect: 'allow' },
    { name: 'boundary gap cross-account', input: { principal: bob, identityPolicies: [getAny], permissionsBoundary: nothing, resourcePolicy: grant({ AWS: B }) }, allowed: false, effect: 'implicit-deny', deniedBy: 'permissions boundary', message: 'Access Denied' },
  ]);
});

test('anonymous: only "*" grants and AllUsers ACL grants', () => {
  run([
    { name: 'no policy', input: { principal: anonymous }, allowed: false, effect: 'implicit-deny', deniedBy: 'resource-based', message: 'Access Denied' },
    { name: '"*"', input: { principal: anonymous, resourcePolicy: grant('*') }, allowed: true, effect: 'allow' },
    { name: '{"AWS":"*"}', input: { principal: anonymous, resourcePolicy: grant({ AWS: '*' }) }, allowed: true, effect: 'allow' },
    { name: 'account grant', input: { principal: anonymous, resourcePolicy: grant({ AWS: A }) }, allowed: false, effect: 'implicit-deny' },
    { name: 'AllUsers ACL', input: { principal: anonymous, acl: { allowed: true, description: 'AllUsers READ', toGroup: true } }, allowed: true, effect: 'allow' },
    { name: 'identity policies are ignored', input: { principal: anonymous, identityPolicies: [getAny] }, allowed: false, effect: 'implicit-deny' },
  ]);
});

test('explicit deny wins everywhere, with one reported type; the owner root keeps bucket-policy access', () => {
  const denyAll = bucketPolicy([{ Sid: 'NoOne', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::photos', 'arn:aws:s3:::photos/*'] }]);
  const idDeny = identity('deny', [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }]);
  const BUCKET = 'arn:aws:s3:::photos';
  run([
    {
      name: 'identity deny beats identity allow',
      input: { principal: alice, identityPolicies: [getAny, idDeny] },
      allowed: false,
      effect: 'explicit-deny',
      deniedBy: 'identity-based',
      message: enhanced(`arn:aws:iam::${A}:user/alice`, 'with an explicit deny in an identity-based policy'),
    },
    { name: 'identity deny is reported before a bucket deny', input: { principal: alice, identityPolicies: [idDeny], resourcePolicy: denyAll }, allowed: false, effect: 'explicit-deny', deniedBy: 'identity-based' },
    { name: 'bucket deny beats a direct grant', input: { principal: alice, identityPolicies: [getAny], resourcePolicy: denyAll }, allowed: false, effect: 'explicit-deny', deniedBy: 'resource-based' },
    {
      name: 'bucket deny applies to the owner root',
      input: { principal: rootA, resourcePolicy: denyAll },
      allowed: false,
      effect: 'explicit-deny',
      message: enhanced(`arn:aws:iam::${A}:root`, 'with an explicit deny in a resource-based policy'),
    },
    ...['s3:GetBucketPolicy', 's3:PutBucketPolicy', 's3:DeleteBucketPolicy'].map((action) => ({
      name: `owner root may still ${action}`,
      input: { principal: rootA, resourcePolicy: denyAll, action, resource: BUCKET },
      allowed: true,
      effect: 'allow' as const,
    })),
    { name: 'but not another account root', input: { principal: rootB, resourcePolicy: denyAll, action: 's3:PutBucketPolicy', resource: BUCKET }, allowed: false, effect: 'explicit-deny', message: 'Access Denied' },
    { name: 'and not the owner account users', input: { principal: alice, identityPolicies: [identity('all', [{ Effect: 'Allow', Action: '*', Resource: '*' }])], resourcePolicy: denyAll, action: 's3:PutBucketPolicy', resource: BUCKET }, allowed: false, effect: 'explicit-deny' },
    { name: 'boundary deny', input: { principal: alice, identityPolicies: [getAny], permissionsBoundary: idDeny }, allowed: false, effect: 'explicit-deny', deniedBy: 'permissions boundary', message: enhanced(`arn:aws:iam::${A}:user/alice`, 'with an explicit deny in a permissions boundary') },
    { name: 'session deny', input: { principal: job1, identityPolicies: [getAny], sessionPolicies: [getAny, idDeny] }, allowed: false, effect: 'explicit-deny', deniedBy: 'session', message: enhanced(`arn:aws:sts::${A}:assumed-role/app/job1`, 'with an explicit deny in a session policy') },
  ]);
});

test('NotPrincipal + Deny: principals with a permissions boundary are always denied (§2.1)', () => {
  const exceptAlice = bucketPolicy([{ Effect: 'Deny', NotPrincipal: { AWS: [`arn:aws:iam::${A}:user/alice`, A] }, Action: 's3:*', Resource: 'arn:aws:s3:::photos/*' }]);
  run([
    { name: 'alice is exempt', input: { principal: alice, identityPolicies: [getAny], resourcePolicy: exceptAlice }, allowed: true, effect: 'allow' },
    { name: 'carol is not', input: { principal: user(A, 'carol'), identityPolicies: [getAny], resourcePolicy: exceptAlice }, allowed: false, effect: 'explicit-deny' },
    { name: 'alice with a boundary is denied anyway', input: { principal: alice, identityPolicies: [getAny], permissionsBoundary: getAny, resourcePolicy: exceptAlice }, allowed: false, effect: 'explicit-deny' },
  ]);
});

test('RestrictPublicBuckets: a public policy grants only within the owner account (§8.4)', () => {
  const bpa = { restrictPublicBuckets: true };
  run([
    { name: 'anonymous', input: { principal: anonymous, resourcePolicy: grant('*'), blockPublicAccess: bpa }, allowed: false, effect: 'implicit-deny', message: 'Access Denied' },
    { name: 'cross-account', input: { principal: bob, identityPolicies: [getAny], resourcePolicy: grant('*'), blockPublicAccess: bpa }, allowed: false, effect: 'implicit-deny' },
    { name: 'same account still granted by "*"', input: { principal: alice, resourcePolicy: grant('*'), blockPublicAccess: bpa }, allowed: true, effect: 'allow' },
    { name: 'not public: unaffected', input: { principal: anonymous, resourcePolicy: grant('*', { Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }), context: ctx({ 'aws:SourceIp': '203.0.113.5' }), blockPublicAccess: bpa }, allowed: true, effect: 'allow' },
    { name: 'caller-supplied public flag wins', input: { principal: anonymous, resourcePolicy: grant('*'), blockPublicAccess: { restrictPublicBuckets: true, policyIsPublic: false } }, allowed: true, effect: 'allow' },
    { name: 'off', input: { principal: anonymous, resourcePolicy: grant('*'), blockPublicAccess: { restrictPublicBuckets: false } }, allowed: true, effect: 'allow' },
  ]);
});

test('account-level actions: resource "*" is matched as arn:aws:s3:::* and omitted from the message', () => {
  const list = (resource: string) => identity('list', [{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: resource }]);
  const base = { action: 's3:ListAllMyBuckets', resource: '*', resourceOwner: undefined };
  run([
    { name: 'Resource *', input: { ...base, principal: alice, identityPolicies: [list('*')] }, allowed: true, effect: 'allow' },
    { name: 'Resource arn:aws:s3:::*', input: { ...base, principal: alice, identityPolicies: [list('arn:aws:s3:::*')] }, allowed: true, effect: 'allow' },
    {
      name: 'one bucket is not enough',
      input: { ...base, principal: alice, identityPolicies: [list('arn:aws:s3:::photos')] },
      allowed: false,
      effect: 'implicit-deny',
      message: `User: arn:aws:iam::${A}:user/alice is not authorized to perform: s3:ListAllMyBuckets because no identity-based policy allows the s3:ListAllMyBuckets action`,
    },
    { name: 'other account user, own buckets', input: { ...base, principal: bob, identityPolicies: [list('*')] }, allowed: true, effect: 'allow' },
  ]);
});

test('object owned by another account, ACLs enabled (§7.2 step 6)', () => {
  const full = identity('full', [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]);
  const objectOwner = B;
  run([
    { name: 'bucket owner user cannot read it', input: { principal: alice, identityPolicies: [full], objectOwner }, allowed: false, effect: 'implicit-deny', deniedBy: 'resource-based' },
    { name: 'even with a bucket policy grant', input: { principal: alice, identityPolicies: [full], objectOwner, resourcePolicy: grant({ AWS: A }) }, allowed: false, effect: 'implicit-deny' },
    { name: 'nor the bucket owner root', input: { principal: rootA, objectOwner }, allowed: false, effect: 'implicit-deny' },
    { name: 'but may delete it', input: { principal: alice, identityPolicies: [full], objectOwner, action: 's3:DeleteObject' }, allowed: true, effect: 'allow' },
    { name: 'with the object owner ACL grant', input: { principal: alice, identityPolicies: [full], objectOwner, acl: { allowed: true, description: 'object ACL grants READ to A' } }, allowed: true, effect: 'allow' },
    { name: 'the object owner reads its own object', input: { principal: bob, identityPolicies: [getAny], objectOwner }, allowed: true, effect: 'allow' },
    { name: 'a bucket deny still applies to it', input: { principal: bob, identityPolicies: [getAny], objectOwner, resourcePolicy: bucketPolicy([{ Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*' }]) }, allowed: false, effect: 'explicit-deny' },
  ]);
});

test('ACL verdicts: group grants reach users directly, account grants delegate', () => {
  run([
    { name: 'AllUsers grant, same account user', input: { principal: alice, acl: { allowed: true, description: 'AllUsers READ', toGroup: true } }, allowed: true, effect: 'allow' },
    { name: 'account grant, same account user', input: { principal: alice, acl: { allowed: true, description: 'owner FULL_CONTROL' } }, allowed: false, effect: 'implicit-deny', deniedBy: 'identity-based' },
    { name: 'group grant limited by a session policy', input: { principal: job1, sessionPolicies: [nothing], acl: { allowed: true, description: 'AllUsers READ', toGroup: true } }, allowed: false, effect: 'implicit-deny', deniedBy: 'session' },
    { name: 'acl says no', input: { principal: anonymous, acl: { allowed: false, description: 'no grant' } }, allowed: false, effect: 'implicit-deny' },
  ]);
});

test('trust policies and STS / IAM message forms', () => {
  const role = `arn:aws:iam::${A}:role/demo-role`;
  const trust = (principal: unknown) => ({
    kind: 'trust' as const,
    name: role,
    policy: parseTrustPolicy(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }] })),
  });
  const base = { action: 'sts:AssumeRole', resource: role };
  const assume = identity('assume', [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: role }]);
  run([
    { name: 'trust names the user: enough within the account', input: { ...base, principal: alice, resourcePolicy: trust({ AWS: `arn:aws:iam::${A}:user/alice` }) }, allowed: true, effect: 'allow' },
    {
      name: 'trust names the account: identity must allow',
      input: { ...base, principal: alice, resourcePolicy: trust({ AWS: A }) },
      allowed: false,
      effect: 'implicit-deny',
      message: `User: arn:aws:iam::${A}:user/alice is not authorized to perform: sts:AssumeRole on resource: ${role}`,
    },
    { name: 'trust names the account + identity', input: { ...base, principal: alice, resourcePolicy: trust({ AWS: A }), identityPolicies: [assume] }, allowed: true, effect: 'allow' },
    {
      name: 'cross account: same STS message',
      input: { ...base, principal: bob, resourcePolicy: trust({ AWS: A }), identityPolicies: [assume] },
      allowed: false,
      effect: 'implicit-deny',
      message: `User: arn:aws:iam::${B}:user/bob is not authorized to perform: sts:AssumeRole on resource: ${role}`,
    },
    { name: 'cross account allowed', input: { ...base, principal: bob, resourcePolicy: trust({ AWS: B }), identityPolicies: [assume] }, allowed: true, effect: 'allow' },
    {
      name: 'IAM: resource unquoted',
      input: { principal: alice, action: 'iam:CreateUser', resource: `arn:aws:iam::${A}:user/bob` },
      allowed: false,
      effect: 'implicit-deny',
      message: `User: arn:aws:iam::${A}:user/alice is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::${A}:user/bob because no identity-based policy allows the iam:CreateUser action`,
    },
  ]);
});

test('NotAction and NotResource (§2.2, §2.3)', () => {
  const allButDelete = identity('nd', [{ Effect: 'Allow', NotAction: 's3:DeleteObject', Resource: '*' }]);
  const notSecret = identity('ns', [{ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::photos/secret/*' }]);
  run([
    { name: 'NotAction grants other actions', input: { principal: alice, identityPolicies: [allButDelete], action: 's3:PutObject' }, allowed: true, effect: 'allow' },
    { name: 'NotAction grants other services too', input: { principal: alice, identityPolicies: [allButDelete], action: 'iam:CreateUser', resource: '*' }, allowed: true, effect: 'allow' },
    { name: 'NotAction excludes', input: { principal: alice, identityPolicies: [allButDelete], action: 's3:DeleteObject' }, allowed: false, effect: 'implicit-deny' },
    { name: 'NotResource grants elsewhere', input: { principal: alice, identityPolicies: [notSecret] }, allowed: true, effect: 'allow' },
    { name: 'NotResource excludes', input: { principal: alice, identityPolicies: [notSecret], resource: 'arn:aws:s3:::photos/secret/x' }, allowed: false, effect: 'implicit-deny' },
  ]);
});
