import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateAccess } from '../evaluate.ts';
import { parseIdentityPolicy } from '../parse-policies.ts';
import { A, alice, ctx } from '../policy.fixtures.ts';
import { AWS_MANAGED_POLICIES, findAwsManagedPolicy } from './aws-managed-policies.ts';

test('every managed policy is a valid identity policy with an AWS ARN and a default version', () => {
  for (const p of AWS_MANAGED_POLICIES) {
    assert.doesNotThrow(() => parseIdentityPolicy(p.document), p.name);
    assert.equal(p.arn, `arn:aws:iam::aws:policy/${p.name}`);
    assert.match(p.defaultVersionId, /^v\d+$/);
    assert.equal(findAwsManagedPolicy(p.arn), p);
  }
  assert.equal(findAwsManagedPolicy('arn:aws:iam::aws:policy/Nope'), undefined);
});

test('sts-iam.md §6 versions and statements', () => {
  const full = findAwsManagedPolicy('arn:aws:iam::aws:policy/AmazonS3FullAccess')!;
  const read = findAwsManagedPolicy('arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess')!;
  assert.equal(full.defaultVersionId, 'v2');
  assert.equal(read.defaultVersionId, 'v3');
  assert.deepEqual(JSON.parse(full.document).Statement[0].Action, ['s3:*', 's3-object-lambda:*']);
  assert.deepEqual(JSON.parse(read.document).Statement[0].Action, ['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*']);
});

test('what AmazonS3ReadOnlyAccess allows (sts-iam.md §6 notes)', () => {
  const read = { name: 'AmazonS3ReadOnlyAccess', policy: parseIdentityPolicy(findAwsManagedPolicy('arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess')!.document) };
  const allowed = (action: string, resource = 'arn:aws:s3:::photos/x') =>
    evaluateAccess({ principal: alice, action, resource, resourceOwner: A, context: ctx(), identityPolicies: [read] }).allowed;
  for (const a of ['s3:GetObject', 's3:GetObjectAcl', 's3:GetBucketPolicy', 's3:GetBucketLocation', 's3:ListBucket', 's3:ListBucketVersions', 's3:ListBucketMultipartUploads', 's3:ListMultipartUploadParts']) {
    assert.equal(allowed(a), true, a);
  }
  assert.equal(allowed('s3:ListAllMyBuckets', '*'), true);
  for (const a of ['s3:PutObject', 's3:DeleteObject', 'iam:GetUser']) assert.equal(allowed(a), false, a);
});
