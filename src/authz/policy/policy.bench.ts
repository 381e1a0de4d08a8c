/**
 * Evaluation cost with a 100-statement bucket policy full of conditions (90 Allows for
 * per-team prefixes with IP-range conditions; 10 Denies on signature age, transport, user agent,
 * tags, time) plus an identity policy, for a same-account user, a cross-account user and an
 * anonymous caller. Reports µs per evaluation for the full decision (with explanation) and for
 * the bare verdict, and the minor GCs seen per 100k verdicts (a proxy for allocation).
 * Run: node --import tsx src/authz/policy/policy.bench.ts
 */
import { PerformanceObserver } from 'node:perf_hooks';
import type { Authentication } from '../../auth/authentication.ts';
import type { Principal } from '../../auth/principal.ts';
import type { AccessEvaluation } from './access-evaluation.ts';
import { buildS3RequestContext } from './build-s3-request-context.ts';
import { evaluateAccess, isAccessAllowed } from './evaluate.ts';
import { A, alice, anonymous, B, bob, bucketPolicy, identity } from './policy.fixtures.ts';

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

// For scale: a typical small bucket policy (TLS-only, one public prefix, one partner account).
const small = bucketPolicy([
  { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::photos', 'arn:aws:s3:::photos/*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
  { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/public/*' },
  { Effect: 'Allow', Principal: { AWS: B }, Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::photos', 'arn:aws:s3:::photos/*'] },
]);
cases.push(['3-statement policy, same-account user', { ...cases[0]![1], resourcePolicy: small }]);

let gcs = 0;
new PerformanceObserver((list) => (gcs += list.getEntries().length)).observe({ entryTypes: ['gc'] });

function measure(fn: () => unknown, n: number): number {
  for (let i = 0; i < 20_000; i++) fn(); // warm up
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / n / 1000);
  }
  return best;
}

console.log(`bucket policy: ${policy.policy.statements.length} statements, ${policy.policy.text.length} bytes; identity policy: ${idPolicy.policy.statements.length} statements`);
console.log(`${'case'.padEnd(38)} ${'effect'.padEnd(14)} full = evaluateAccess (with explanation); verdict = isAccessAllowed`);
for (const [name, input] of cases) {
  const d = evaluateAccess(input);
  const full = measure(() => evaluateAccess(input), 50_000);
  const bare = measure(() => isAccessAllowed(input), 100_000);
  // GC entries arrive asynchronously: let the earlier loops' entries land before counting.
  await new Promise((r) => setTimeout(r, 50));
  gcs = 0;
  for (let i = 0; i < 100_000; i++) isAccessAllowed(input);
  await new Promise((r) => setTimeout(r, 50));
  console.log(
    `${name.padEnd(38)} ${d.effect.padEnd(14)} full ${full.toFixed(2).padStart(6)} µs   verdict ${bare.toFixed(2).padStart(6)} µs   GCs/100k verdicts ${gcs}`,
  );
}
