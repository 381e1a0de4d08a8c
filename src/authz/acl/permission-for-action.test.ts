/** The permission ↔ action table of ../shared/spec/policy-evaluation.md §8.1, as data. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aclActionRule, permissionForAction } from './permission-for-action.ts';

const CASES: Array<[string, 'bucket' | 'object', string | undefined]> = [
  ['s3:ListBucket', 'bucket', 'READ'],
  ['s3:ListBucketVersions', 'bucket', 'READ'],
  ['s3:ListBucketMultipartUploads', 'bucket', 'READ'],
  ['s3:PutObject', 'bucket', 'WRITE'],
  ['s3:DeleteObject', 'bucket', 'WRITE'],
  ['s3:DeleteObjectVersion', 'bucket', 'WRITE'],
  ['s3:GetBucketAcl', 'bucket', 'READ_ACP'],
  ['s3:PutBucketAcl', 'bucket', 'WRITE_ACP'],
  ['s3:GetObject', 'object', 'READ'],
  ['s3:GetObjectVersion', 'object', 'READ'],
  ['s3:GetObjectAcl', 'object', 'READ_ACP'],
  ['s3:GetObjectVersionAcl', 'object', 'READ_ACP'],
  ['s3:PutObjectAcl', 'object', 'WRITE_ACP'],
  ['s3:PutObjectVersionAcl', 'object', 'WRITE_ACP'],
  // Case-insensitive, like IAM action names.
  ['S3:getobject', 'object', 'READ'],
  // The other ACL cannot grant it.
  ['s3:GetObject', 'bucket', undefined],
  ['s3:PutObject', 'object', undefined],
  ['s3:ListBucket', 'object', undefined],
  ['s3:GetBucketAcl', 'object', undefined],
  // ACLs grant nothing else.
  ['s3:GetObjectTagging', 'object', undefined],
  ['s3:PutBucketPolicy', 'bucket', undefined],
  ['s3:GetBucketOwnershipControls', 'bucket', undefined],
  ['s3:AbortMultipartUpload', 'bucket', undefined],
  ['s3:*', 'bucket', undefined],
];

describe('permissionForAction', () => {
  for (const [action, acl, expected] of CASES) {
    it(`${action} on the ${acl} ACL → ${expected ?? 'nothing'}`, () => assert.equal(permissionForAction(action, acl), expected));
  }

  it('s3:DeleteObjectVersion through bucket WRITE is for the bucket owner only', () => {
    assert.equal(aclActionRule('s3:DeleteObjectVersion', 'bucket')?.onlyForBucketOwner, true);
    assert.equal(aclActionRule('s3:DeleteObject', 'bucket')?.onlyForBucketOwner, undefined);
  });
});
