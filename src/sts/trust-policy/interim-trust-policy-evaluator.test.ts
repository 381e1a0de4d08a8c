import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conditionMatches } from './condition-matches.ts';
import { InterimTrustPolicyEvaluator } from './interim-trust-policy-evaluator.ts';
import type { TrustCaller } from './trust-caller.ts';

const ctx = (entries: Record<string, string | string[]>) => new Map(Object.entries(entries).map(([k, v]) => [k.toLowerCase(), v]));

describe('conditionMatches (interim)', () => {
  it('key names are case-insensitive; values ORed; operators and keys ANDed', () => {
    const c = ctx({ 'sts:ExternalId': 'abc', 'aws:SourceIp': '10.1.2.3' });
    assert.equal(conditionMatches({ StringEquals: { 'STS:externalid': ['x', 'abc'] } }, c), true);
    assert.equal(conditionMatches({ StringEquals: { 'sts:ExternalId': 'abc' }, IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, c), true);
    assert.equal(conditionMatches({ StringEquals: { 'sts:ExternalId': 'abc' }, IpAddress: { 'aws:SourceIp': '192.168.0.0/16' } }, c), false);
  });

  it('missing keys: positive false, negated true, IfExists true; Null tests presence', () => {
    const c = ctx({});
    assert.equal(conditionMatches({ StringEquals: { 'sts:ExternalId': 'a' } }, c), false);
    assert.equal(conditionMatches({ StringNotEquals: { 'sts:ExternalId': 'a' } }, c), true);
    assert.equal(conditionMatches({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } }, c), true);
    assert.equal(conditionMatches({ Null: { 'aws:MultiFactorAuthPresent': 'true' } }, c), true);
    assert.equal(conditionMatches({ Null: { 'aws:MultiFactorAuthPresent': false } }, c), false);
  });

  it('negated operators are NOR over the values', () => {
    const c = ctx({ 'aws:username': 'bob' });
    assert.equal(conditionMatches({ StringNotEquals: { 'aws:username': ['alice', 'bob'] } }, c), false);
    assert.equal(conditionMatches({ StringNotLike: { 'aws:username': ['a*', 'c*'] } }, c), true);
  });

  it('Bool, Arn, Date, Numeric, StringLike', () => {
    const c = ctx({
      'aws:MultiFactorAuthPresent': 'true',
      'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/app/worker',
      'aws:CurrentTime': '2024-05-01T12:00:00Z',
      'aws:MultiFactorAuthAge': '300',
    });
    assert.equal(conditionMatches({ Bool: { 'aws:MultiFactorAuthPresent': true } }, c), true);
    assert.equal(conditionMatches({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/app/*' } }, c), true);
    assert.equal(conditionMatches({ ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/*' } }, c), true);
    assert.equal(conditionMatches({ DateLessThan: { 'aws:CurrentTime': '2024-06-01' } }, c), true);
    assert.equal(conditionMatches({ NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } }, c), true);
    assert.equal(conditionMatches({ NumericLessThan: { 'aws:MultiFactorAuthAge': 60 } }, c), false);
  });

  it('ForAnyValue / ForAllValues over multivalued keys', () => {
    const c = ctx({ 'aws:TagKeys': ['team', 'cost'] });
    assert.equal(conditionMatches({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'team' } }, c), true);
    assert.equal(conditionMatches({ 'ForAllValues:StringEquals': { 'aws:TagKeys': 'team' } }, c), false);
    assert.equal(conditionMatches({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'cost'] } }, c), true);
    assert.equal(conditionMatches({ 'ForAllValues:StringEquals': { 'aws:Absent': 'x' } }, c), true);
    assert.equal(conditionMatches({ 'ForAnyValue:StringEquals': { 'aws:Absent': 'x' } }, c), false);
  });

  it('an unknown operator never matches', () => {
    assert.equal(conditionMatches({ StringSortOf: { 'aws:username': 'x' } }, ctx({ 'aws:username': 'x' })), false);
  });
});

describe('InterimTrustPolicyEvaluator', () => {
  const evaluator = new InterimTrustPolicyEvaluator();
  const alice: TrustCaller = { kind: 'aws', accountId: '111122223333', isRoot: false, arns: ['arn:aws:iam::111122223333:user/alice'] };
  const evaluate = (statements: unknown[], caller: TrustCaller = alice, action = 'sts:AssumeRole') =>
    evaluator.evaluate({ document: JSON.stringify({ Version: '2012-10-17', Statement: statements }), action, caller, context: new Map() });

  it('an Allow naming the caller allows; naming its account delegates', () => {
    assert.deepEqual(evaluate([{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/alice' }, Action: 'sts:AssumeRole' }]), {
      effect: 'allow',
      via: 'principal',
    });
    assert.deepEqual(evaluate([{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' }]), { effect: 'allow', via: 'account' });
    assert.deepEqual(evaluate([{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'STS:assume*' }]), {
      effect: 'allow',
      via: 'account',
    });
  });

  it('another principal, another action, a Service principal: implicit deny', () => {
    assert.deepEqual(evaluate([{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/bob' }, Action: 'sts:AssumeRole' }]), { effect: 'implicit-deny' });
    assert.deepEqual(evaluate([{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:TagSession' }]), { effect: 'implicit-deny' });
    assert.deepEqual(evaluate([{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }]), { effect: 'implicit-deny' });
  });

  it('explicit Deny wins; NotPrincipal and NotAction', () => {
    assert.deepEqual(
      evaluate([
        { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' },
        { Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:user/bob' }, NotAction: 'sts:TagSession' },
      ]),
      { effect: 'explicit-deny' },
    );
  });

  it('Federated principals match the provider ARN only', () => {
    const web: TrustCaller = { kind: 'federated', providerArn: 'arn:aws:iam::111122223333:oidc-provider/idp.example.com' };
    const s = [{ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/idp.example.com' }, Action: 'sts:AssumeRoleWithWebIdentity' }];
    assert.deepEqual(evaluate(s, web, 'sts:AssumeRoleWithWebIdentity'), { effect: 'allow', via: 'principal' });
    assert.deepEqual(evaluate(s, alice, 'sts:AssumeRoleWithWebIdentity'), { effect: 'implicit-deny' });
  });

  it('a document that is not a policy allows nothing', () => {
    assert.deepEqual(evaluator.evaluate({ document: 'nope', action: 'sts:AssumeRole', caller: alice, context: new Map() }), { effect: 'implicit-deny' });
  });
});
