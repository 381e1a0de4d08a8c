import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { S3Error } from '../../s3/errors/s3-error.ts';
import { checkPolicyConditions, type PolicyInput } from './check-policy-conditions.ts';
import { parsePolicyCondition } from './parse-policy-condition.ts';
import type { PostPolicy } from './post-policy.ts';

const policy = (...conditions: unknown[]): PostPolicy => ({ expiration: 0, conditions: conditions.map(parsePolicyCondition) });
const input = (fields: Record<string, string>, extra: Partial<PolicyInput> = {}): PolicyInput => ({
  fields: new Map(Object.entries(fields)),
  key: fields.key ?? '',
  bucket: 'b',
  exempt: new Set(),
  ...extra,
});

function denied(p: PostPolicy, i: PolicyInput, detail: string): void {
  assert.throws(
    () => checkPolicyConditions(p, i),
    (e: unknown) => {
      assert.ok(e instanceof S3Error);
      assert.equal(e.code, 'AccessDenied');
      assert.equal(e.status, 403);
      assert.equal(e.message, `Invalid according to Policy: ${detail}`);
      return true;
    },
  );
}

describe('checkPolicyConditions', () => {
  it('eq and starts-with, case-sensitive values; absent fields are empty', () => {
    const p = policy({ bucket: 'b' }, ['eq', '$key', 'user/a.txt'], ['starts-with', '$x-amz-meta-tag', ''], { acl: 'private' });
    checkPolicyConditions(p, input({ key: 'user/a.txt', acl: 'private' }));
    denied(p, input({ key: 'user/A.txt', acl: 'private' }), 'Policy Condition failed: ["eq", "$key", "user/a.txt"]');
    denied(p, input({ key: 'user/a.txt' }), 'Policy Condition failed: ["eq", "$acl", "private"]');
  });

  it('$key is the expanded key, $bucket the request bucket', () => {
    const p = policy({ bucket: 'b' }, ['starts-with', '$key', 'uploads/']);
    checkPolicyConditions(p, input({ key: 'uploads/${filename}' }, { key: 'uploads/cat.jpg' }));
    denied(p, input({ key: 'x' }, { key: 'x', bucket: 'other' }), 'Policy Condition failed: ["eq", "$bucket", "b"]');
    // starts-with works for the bucket too.
    checkPolicyConditions(policy(['starts-with', '$bucket', 'b'], ['starts-with', '$key', '']), input({ key: 'k' }, { bucket: 'b-1' }));
  });

  it('Content-Type lists: every type must start with the prefix', () => {
    const p = policy({ bucket: 'b' }, ['starts-with', '$key', ''], ['starts-with', '$Content-Type', 'image/']);
    checkPolicyConditions(p, input({ key: 'k', 'content-type': 'image/jpeg, image/png' }));
    denied(p, input({ key: 'k', 'content-type': 'image/jpeg,text/html' }), 'Policy Condition failed: ["starts-with", "$Content-Type", "image/"]');
  });

  it('conditions are checked in order; content-length-range with bad bounds fails', () => {
    const p = policy({ bucket: 'b' }, ['content-length-range', 'test', '10'], ['eq', '$key', 'nope']);
    denied(p, input({ key: 'k' }), 'Policy Condition failed: ["content-length-range", "test", "10"]');
  });

  it('every input needs a condition, the bucket included; exempt fields do not', () => {
    const p = policy({ bucket: 'b' }, ['starts-with', '$key', '']);
    checkPolicyConditions(
      p,
      input({ key: 'k', policy: 'x', 'x-amz-signature': 's', signature: 's', 'x-ignore-anything': 'v', awsaccesskeyid: 'A' }, { exempt: new Set(['awsaccesskeyid']) }),
    );
    denied(p, input({ key: 'k', awsaccesskeyid: 'A' }), 'Extra input fields: awsaccesskeyid');
    denied(p, input({ key: 'k', 'x-amz-meta-foo': '1', acl: 'private' }), 'Extra input fields: x-amz-meta-foo, acl');
    denied(policy(['starts-with', '$key', '']), input({ key: 'k' }), 'Extra input fields: bucket');
    // A form that repeats the bucket is covered by the bucket condition (the JS SDK sends one).
    checkPolicyConditions(p, input({ key: 'k', bucket: 'b' }));
  });

  it('a session token needs its condition', () => {
    const p = policy({ bucket: 'b' }, ['starts-with', '$key', '']);
    denied(p, input({ key: 'k', 'x-amz-security-token': 'T"1' }), 'Policy Condition failed: ["eq", "$x-amz-security-token", "T\\"1"]');
    checkPolicyConditions(policy({ bucket: 'b' }, ['starts-with', '$key', ''], { 'x-amz-security-token': 'T' }), input({ key: 'k', 'x-amz-security-token': 'T' }));
  });
});
