/**
 * Canned ACL expansion, all eight of ../shared/spec/policy-evaluation.md §8.2, on buckets and on
 * objects, with the object owner the bucket owner or another account.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_USERS, AUTHENTICATED_USERS, LOG_DELIVERY, type AclGrant } from './acl.ts';
import { CANNED_ACLS, EC2_BUNDLE_READER, expandCannedAcl, parseCannedAcl, type CannedAcl } from './canned-acl.ts';
import { s3Error } from './testing/acl-fixtures.ts';

const A = { id: 'a'.repeat(64), displayName: 'alice' };
const B = { id: 'b'.repeat(64), displayName: 'bob' };

const user = (o: { id: string; displayName: string }, permission: AclGrant['permission']): AclGrant => ({
  grantee: { type: 'CanonicalUser', id: o.id, displayName: o.displayName },
  permission,
});
const group = (uri: string, permission: AclGrant['permission']): AclGrant => ({ grantee: { type: 'Group', uri }, permission });
const ec2Read: AclGrant = { grantee: { type: 'CanonicalUser', ...EC2_BUNDLE_READER }, permission: 'READ' };

/** [canned, kind, owner, bucket owner, expected grants] */
const CASES: Array<[CannedAcl, 'bucket' | 'object', typeof A, typeof A, AclGrant[]]> = [
  ['private', 'bucket', A, A, [user(A, 'FULL_CONTROL')]],
  ['private', 'object', B, A, [user(B, 'FULL_CONTROL')]],
  ['public-read', 'bucket', A, A, [user(A, 'FULL_CONTROL'), group(ALL_USERS, 'READ')]],
  ['public-read', 'object', B, A, [user(B, 'FULL_CONTROL'), group(ALL_USERS, 'READ')]],
  ['public-read-write', 'bucket', A, A, [user(A, 'FULL_CONTROL'), group(ALL_USERS, 'READ'), group(ALL_USERS, 'WRITE')]],
  ['public-read-write', 'object', A, A, [user(A, 'FULL_CONTROL'), group(ALL_USERS, 'READ'), group(ALL_USERS, 'WRITE')]],
  ['aws-exec-read', 'bucket', A, A, [user(A, 'FULL_CONTROL'), ec2Read]],
  ['aws-exec-read', 'object', B, A, [user(B, 'FULL_CONTROL'), ec2Read]],
  ['authenticated-read', 'bucket', A, A, [user(A, 'FULL_CONTROL'), group(AUTHENTICATED_USERS, 'READ')]],
  ['authenticated-read', 'object', B, A, [user(B, 'FULL_CONTROL'), group(AUTHENTICATED_USERS, 'READ')]],
  // Object: the object owner FULL_CONTROL, the bucket owner READ / FULL_CONTROL.
  ['bucket-owner-read', 'object', B, A, [user(B, 'FULL_CONTROL'), user(A, 'READ')]],
  ['bucket-owner-full-control', 'object', B, A, [user(B, 'FULL_CONTROL'), user(A, 'FULL_CONTROL')]],
  // The bucket owner writing its own object: one grant, not the same one twice.
  ['bucket-owner-read', 'object', A, A, [user(A, 'FULL_CONTROL')]],
  ['bucket-owner-full-control', 'object', A, A, [user(A, 'FULL_CONTROL')]],
  // "If you specify this canned ACL when creating a bucket, Amazon S3 ignores it."
  ['bucket-owner-read', 'bucket', A, A, [user(A, 'FULL_CONTROL')]],
  ['bucket-owner-full-control', 'bucket', A, A, [user(A, 'FULL_CONTROL')]],
  ['log-delivery-write', 'bucket', A, A, [user(A, 'FULL_CONTROL'), group(LOG_DELIVERY, 'WRITE'), group(LOG_DELIVERY, 'READ_ACP')]],
];

describe('expandCannedAcl', () => {
  for (const [canned, kind, owner, bucketOwner, expected] of CASES) {
    const who = owner === bucketOwner ? 'owner = bucket owner' : 'owner ≠ bucket owner';
    it(`${canned} on a ${kind} (${who})`, () => {
      assert.deepEqual(expandCannedAcl(canned, { kind, owner, bucketOwner }), expected);
    });
  }

  it('covers all eight canned ACLs', () => {
    assert.deepEqual(new Set(CASES.map(([c]) => c)), new Set(CANNED_ACLS));
    assert.equal(CANNED_ACLS.length, 8);
  });

  it('an owner without a display name gets a grant without one', () => {
    assert.deepEqual(expandCannedAcl('private', { kind: 'bucket', owner: { id: A.id }, bucketOwner: { id: A.id } }), [
      { grantee: { type: 'CanonicalUser', id: A.id }, permission: 'FULL_CONTROL' },
    ]);
  });
});

describe('parseCannedAcl', () => {
  it('accepts the eight names exactly', () => {
    for (const name of CANNED_ACLS) assert.equal(parseCannedAcl(name), name);
  });

  it('anything else → 400 InvalidArgument naming x-amz-acl and the value', () => {
    for (const value of ['', 'Private', 'public', 'public-read ', 'bucket-owner']) {
      assert.throws(
        () => parseCannedAcl(value),
        s3Error('InvalidArgument', {
          fields: [
            ['ArgumentName', 'x-amz-acl'],
            ['ArgumentValue', value],
          ],
        }),
      );
    }
  });
});
