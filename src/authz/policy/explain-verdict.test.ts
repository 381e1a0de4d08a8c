import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateAccess } from './evaluate.ts';
import { A, alice, anonymous, B, bob, bucketPolicy, ctx, identity } from './policy.fixtures.ts';

const OBJ = 'arn:aws:s3:::photos/cat.jpg';
const getAny = identity('get', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]);
const grant = (principal: unknown) =>
  bucketPolicy([{ Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*' }]);

test('decision evidence: deciding statements, condition outcomes, near misses, reasons', () => {
  const policy = bucketPolicy([
    { Sid: 'DenyOldLinks', Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*', Condition: { NumericGreaterThan: { 's3:signatureAge': '600000' } } },
  ]);
  const denied = evaluateAccess({ principal: alice, action: 's3:GetObject', resource: OBJ, resourceOwner: A, context: ctx({ 's3:signatureAge': '700000' }), resourcePolicy: policy, identityPolicies: [getAny] });
  assert.equal(denied.reason, "denied: statement 'DenyOldLinks' in the bucket policy of 'photos' matched: s3:signatureAge 700000 > 600000");
  assert.deepEqual(denied.statements, [
    {
      policyKind: 'bucket',
      policyName: 'photos',
      sid: 'DenyOldLinks',
      index: 0,
      effect: 'Deny',
      conditions: [{ operator: 'NumericGreaterThan', key: 's3:signatureAge', requestValue: '700000', policyValues: ['600000'], held: true, text: 's3:signatureAge 700000 > 600000' }],
    },
  ]);

  const home = identity('home', [
    { Sid: 'List', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::corp', Condition: { StringLike: { 's3:prefix': ['home/${aws:username}/*', 'home/${aws:username}'] } } },
  ]);
  const miss = evaluateAccess({ principal: alice, action: 's3:ListBucket', resource: 'arn:aws:s3:::corp', resourceOwner: A, context: ctx({ 's3:prefix': 'home/bob/', 'aws:username': 'alice' }), identityPolicies: [home] });
  assert.equal(miss.effect, 'implicit-deny');
  assert.equal(miss.conditionFailures.length, 1);
  const f = miss.conditionFailures[0]!;
  assert.deepEqual([f.statement.sid, f.condition.key, f.condition.requestValue, f.condition.policyValues, f.condition.held], ['List', 's3:prefix', 'home/bob/', ['home/${aws:username}/*', 'home/${aws:username}'], false]);
  assert.equal(
    miss.reason,
    "denied: no identity-based policy allows s3:ListBucket on arn:aws:s3:::corp; statement 'List' in identity policy 'home' did not apply: s3:prefix 'home/bob/' does not match any of ['home/${aws:username}/*', 'home/${aws:username}']",
  );

  const allowed = evaluateAccess({ principal: alice, action: 's3:GetObject', resource: OBJ, resourceOwner: A, context: ctx(), identityPolicies: [getAny] });
  assert.equal(allowed.reason, "allowed: Statement[0] in identity policy 'get' allows s3:GetObject on arn:aws:s3:::photos/cat.jpg");
  assert.deepEqual(allowed.statements.map((s) => [s.policyKind, s.policyName, s.index, s.effect]), [['identity', 'get', 0, 'Allow']]);

  const cross = evaluateAccess({ principal: bob, action: 's3:GetObject', resource: OBJ, resourceOwner: A, context: ctx(), identityPolicies: [getAny], resourcePolicy: grant({ AWS: B }) });
  assert.deepEqual(cross.statements.map((s) => s.policyKind), ['identity', 'bucket']);
  assert.match(cross.reason, /^allowed: s3:GetObject on .* crosses accounts, so both sides must allow/);

  const anon = evaluateAccess({ principal: anonymous, action: 's3:GetObject', resource: OBJ, resourceOwner: A, context: ctx(), acl: { allowed: true, description: 'object ACL grants READ to AllUsers', toGroup: true } });
  assert.equal(anon.reason, 'allowed: object ACL grants READ to AllUsers');
  assert.equal(anon.acl, 'object ACL grants READ to AllUsers');
});
