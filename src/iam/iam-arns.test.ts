import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { issuerPath, oidcProviderArn, parseIamArn, policyArn, roleArn, userArn } from './iam-arns.ts';

describe('IAM ARNs', () => {
  it('puts the path between type and name', () => {
    assert.equal(userArn('123456789012', '/a/b/', 'alice'), 'arn:aws:iam::123456789012:user/a/b/alice');
    assert.equal(roleArn('123456789012', '/', 'r'), 'arn:aws:iam::123456789012:role/r');
    assert.equal(policyArn(undefined, '/', 'AmazonS3FullAccess'), 'arn:aws:iam::aws:policy/AmazonS3FullAccess');
    assert.equal(oidcProviderArn('123456789012', issuerPath('https://idp.example.com/x/')), 'arn:aws:iam::123456789012:oidc-provider/idp.example.com/x');
  });

  it('parses them back', () => {
    assert.deepEqual(parseIamArn('arn:aws:iam::123456789012:role/ci/deploy'), { accountId: '123456789012', type: 'role', path: '/ci/', name: 'deploy' });
    assert.deepEqual(parseIamArn('arn:aws:iam::aws:policy/AmazonS3FullAccess'), { accountId: 'aws', type: 'policy', path: '/', name: 'AmazonS3FullAccess' });
    assert.deepEqual(parseIamArn('arn:aws:iam::123456789012:oidc-provider/idp.example.com/x'), {
      accountId: '123456789012',
      type: 'oidc-provider',
      path: '/',
      name: 'idp.example.com/x',
    });
    assert.equal(parseIamArn('arn:aws:s3:::bucket'), undefined);
    assert.equal(parseIamArn('arn:aws:iam::123456789012:role/'), undefined);
  });
});
