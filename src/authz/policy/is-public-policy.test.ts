import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPublicPolicy } from './is-public-policy.ts';
import { parseBucketPolicy } from './parse-policies.ts';

const policy = (statement: Record<string, unknown>) =>
  parseBucketPolicy(
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*', ...statement }] }),
    { bucket: 'photos' },
  );

test('public policy test (§8.4)', () => {
  const rows: Array<[string, Record<string, unknown>, boolean]> = [
    ['Principal "*"', { Principal: '*' }, true],
    ['{"AWS": "*"}', { Principal: { AWS: '*' } }, true],
    ['"*" among fixed principals', { Principal: { AWS: ['111122223333', '*'] } }, true],
    ['an account', { Principal: { AWS: '111122223333' } }, false],
    ['a user', { Principal: { AWS: 'arn:aws:iam::111122223333:user/alice' } }, false],
    ['a canonical user', { Principal: { CanonicalUser: 'a'.repeat(64) } }, false],
    ['a service', { Principal: { Service: 'logging.s3.amazonaws.com' } }, false],
    ['NotPrincipal with Allow', { NotPrincipal: { AWS: '111122223333' } }, true],
    ['a Deny is never public', { Effect: 'Deny', Principal: '*' }, false],
    ['SourceIp /24', { Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }, false],
    ['SourceIp /8', { Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }, false],
    ['SourceIp /7', { Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/7' } } }, true],
    ['SourceIp one of them too wide', { Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '0.0.0.0/0'] } } }, true],
    ['SourceIp IPv6 /32', { Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': '2001:db8::/32' } } }, false],
    ['SourceIp IPv6 /31', { Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': '2001:db8::/31' } } }, true],
    ['NotIpAddress does not restrict', { Principal: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }, true],
    ['PrincipalAccount fixed', { Principal: '*', Condition: { StringEquals: { 'aws:PrincipalAccount': '111122223333' } } }, false],
    ['PrincipalOrgID fixed', { Principal: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } } }, false],
    ['SourceArn ArnEquals fixed', { Principal: '*', Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:cloudfront::111122223333:distribution/E1' } } }, false],
    ['SourceArn with a wildcard', { Principal: '*', Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:cloudfront::*:distribution/*' } } }, true],
    ['PrincipalArn with a variable', { Principal: '*', Condition: { StringEquals: { 'aws:PrincipalArn': '${aws:PrincipalArn}' } } }, true],
    ['IfExists does not restrict', { Principal: '*', Condition: { StringEqualsIfExists: { 'aws:SourceAccount': '111122223333' } } }, true],
    ['ForAllValues does not restrict', { Principal: '*', Condition: { 'ForAllValues:StringEquals': { 'aws:SourceAccount': '111122223333' } } }, true],
    ['StringNotEquals does not restrict', { Principal: '*', Condition: { StringNotEquals: { 'aws:SourceAccount': '111122223333' } } }, true],
    ['an unlisted key does not restrict', { Principal: '*', Condition: { StringEquals: { 'aws:UserAgent': 'curl' } } }, true],
    ['SecureTransport does not restrict', { Principal: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }, true],
    ['userid fixed', { Principal: '*', Condition: { StringEquals: { 'aws:userid': 'AIDAALICE' } } }, false],
    ['one restricting condition among others', { Principal: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' }, StringEquals: { 'aws:SourceVpce': 'vpce-1' } } }, false],
  ];
  for (const [name, statement, want] of rows) assert.equal(isPublicPolicy(policy(statement)), want, name);
});

test('the compiled bucket policy carries its verdict', () => {
  assert.equal(policy({ Principal: '*' }).isPublic, true);
  assert.equal(policy({ Principal: { AWS: '111122223333' } }).isPublic, false);
});
