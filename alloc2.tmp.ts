import { PerformanceObserver } from 'node:perf_hooks';
import type { Authentication } from './src/auth/authentication.ts';
import type { Principal } from './src/auth/principal.ts';
import type { AccessEvaluation } from './src/authz/policy/access-evaluation.ts';
import { buildS3RequestContext } from './src/authz/policy/build-s3-request-context.ts';
import { evaluateAccess, isAccessAllowed } from './src/authz/policy/evaluate.ts';
import { A, alice, anonymous, B, bob, bucketPolicy, identity } from './src/authz/policy/policy.fixtures.ts';

const statements: unknown[] = [];
// Each Allow is kept short so that 100 statements fit S3's 20 KB limit.
for (let i = 0; i < 90; i++) {
  statements.push({
    Effect: 'Allow',
    Principal: { AWS: i % 3 === 0 ? B : `arn:aws:iam::${A}:user/t${i}` },
    Action: 's3:*Object',
    Resource: `arn:aws:s3:::photos/t${i}/*`,
    Condition: { IpAddress: { 'aws:SourceIp': `10.${i}.0.0/16` } },
  });
}
const denies = [
  { NumericGreaterThan: { 's3:signatureAge': '600000' } },
  { Bool: { 'aws:SecureTransport': 'false' } },
  { StringLike: { 'aws:UserAgent': ['*sqlmap*', '*nikto*'] } },
  { StringEquals: { 's3:ExistingObjectTag/classification': 'secret' } },
  { DateGreaterThan: { 'aws:CurrentTime': '2099-01-01T00:00:00Z' } },
  { NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '203.0.113.0/24', '2001:db8::/32'] } },
  { StringEquals: { 's3:x-amz-server-side-encryption': 'aws:kms:dsse' } },
  { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['forbidden'] } },
  { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:user/blocked-*' } },
  { NumericGreaterThan: { 'aws:MultiFactorAuthAge': '86400' } },
];
denies.forEach((Condition, i) =>
  statements.push({ Sid: `Deny${i}`, Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::photos', 'arn:aws:s3:::photos/*'], Condition }),
);
const policy = bucketPolicy(statements);
const idPolicy = identity('team-access', [
  { Effect: 'Allow', Action: ['s3:List*'], Resource: 'arn:aws:s3:::photos' },
  { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::photos/home/${aws:username}/*' },
  { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*', Condition: { StringEquals: { 's3:ExistingObjectTag/team': '${aws:PrincipalTag/team}' } } },
]);

const NOW = Date.UTC(2024, 4, 1, 12, 0, 0);
function contextFor(principal: Principal) {
  const auth: Authentication =
    principal.type === 'Anonymous'
      ? { kind: 'anonymous', principal }
      : { kind: 'signed', scheme: 'v4-header', principal, credential: { accessKeyId: 'AKIA', principal, signingKey: () => Buffer.alloc(0), signV2: () => '' }, signatureVersion: 'AWS4-HMAC-SHA256', signedAt: NOW - 1000 };
  return buildS3RequestContext({
    auth,
    now: NOW,
    secureTransport: true,
    sourceIp: '10.45.1.2',
    userAgent: 'aws-sdk-js/3',
    principalTags: { team: 'red' },
    operation: { existingObjectTags: { team: 'red' } },
  });
}

const cases: Array<[string, AccessEvaluation]> = [
  ['same-account user (identity allow)', { principal: alice, identityPolicies: [idPolicy] }],
  ['cross-account user (bucket grant)', { principal: bob, identityPolicies: [idPolicy] }],
  ['anonymous (denied after all 100)', { principal: anonymous }],
].map(([name, partial]) => {
  const p = (partial as { principal: Principal }).principal;
  return [name as string, { ...(partial as object), action: 's3:GetObject', resource: 'arn:aws:s3:::photos/t45/cat.jpg', resourceOwner: A, resourcePolicy: policy, context: contextFor(p) } as AccessEvaluation];
});

import { firstDeny, bestAllow } from './src/authz/policy/scan-policy.ts';
import { statementRequestOf, decideAccess } from './src/authz/policy/evaluate-access.ts';
import { matchStatement } from './src/authz/policy/match-statement.ts';
let gcs = 0;
new PerformanceObserver((l) => (gcs += l.getEntries().length)).observe({ entryTypes: ['gc'] });
async function run(name: string, fn: () => unknown, n = 200_000) {
  for (let i = 0; i < 50000; i++) fn();
  await new Promise((r) => setTimeout(r, 20));
  gcs = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  const us = Number(process.hrtime.bigint() - t0) / n / 1000;
  await new Promise((r) => setTimeout(r, 20));
  console.log(name.padEnd(34), 'GCs/200k', String(gcs).padStart(5), us.toFixed(3), 'µs');
}
const input = cases[0]![1];
const r = statementRequestOf(input);
await run('firstDeny bucket', () => firstDeny(policy.policy, r));
await run('bestAllow bucket', () => bestAllow(policy.policy, r));
await run('firstDeny identity', () => firstDeny(idPolicy.policy, r));
await run('bestAllow identity', () => bestAllow(idPolicy.policy, r));
await run('decide', () => decideAccess(input, r));
const st = policy.policy.statements;
for (const i of [0, 45, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99]) await run(`stmt ${i}`, () => matchStatement(st[i]!, r), 1_000_000);
