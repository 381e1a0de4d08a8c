/**
 * The ACL in force on a bucket or object: stored grants while ACLs are enabled; the (bucket)
 * owner's FULL_CONTROL when they are disabled or nothing was stored. Also isStoredAcl and
 * isOwnerFullControlOnly, which guard what is read back and what an enforced bucket accepts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_USERS, type AclGrant } from './acl.ts';
import { isOwnerFullControlOnly } from './is-owner-full-control-only.ts';
import { isStoredAcl } from './is-stored-acl.ts';
import { effectiveOwnership } from './object-ownership.ts';
import { effectivePublicAccessBlock, NEW_BUCKET_PUBLIC_ACCESS_BLOCK, NO_PUBLIC_ACCESS_BLOCK } from './public-access-block.ts';
import { bucketAclOf, objectAclOf } from './resource-acl.ts';
import { ALICE_OWNER, BOB_OWNER } from './testing/acl-fixtures.ts';

const publicRead: AclGrant = { grantee: { type: 'Group', uri: ALL_USERS }, permission: 'READ' };
const aliceFc: AclGrant = { grantee: { type: 'CanonicalUser', id: ALICE_OWNER.canonicalId, displayName: 'alice' }, permission: 'FULL_CONTROL' };
const bobFc: AclGrant = { grantee: { type: 'CanonicalUser', id: BOB_OWNER.canonicalId, displayName: 'bob' }, permission: 'FULL_CONTROL' };
const bucket = { owner: ALICE_OWNER };

describe('bucketAclOf / objectAclOf', () => {
  it('ACLs enabled: the stored grants, under the resource owner', () => {
    assert.deepEqual(bucketAclOf({ bucket, stored: { grants: [aliceFc, publicRead] }, ownership: 'ObjectWriter' }), {
      owner: { id: ALICE_OWNER.canonicalId, displayName: 'alice' },
      grants: [aliceFc, publicRead],
    });
    const object = { owner: BOB_OWNER, acl: { grants: [bobFc, publicRead] } };
    assert.deepEqual(objectAclOf({ object, bucket, ownership: 'BucketOwnerPreferred' }), {
      owner: { id: BOB_OWNER.canonicalId, displayName: 'bob' },
      grants: [bobFc, publicRead],
    });
  });

  it('nothing stored: private', () => {
    assert.deepEqual(bucketAclOf({ bucket, stored: undefined, ownership: 'ObjectWriter' }).grants, [aliceFc]);
    assert.deepEqual(objectAclOf({ object: { owner: BOB_OWNER }, bucket, ownership: 'ObjectWriter' }).grants, [bobFc]);
  });

  it('enforced: the bucket owner owns the object and holds the only grant, whatever was stored', () => {
    const object = { owner: BOB_OWNER, acl: { grants: [bobFc, publicRead] } };
    assert.deepEqual(objectAclOf({ object, bucket, ownership: 'BucketOwnerEnforced' }), {
      owner: { id: ALICE_OWNER.canonicalId, displayName: 'alice' },
      grants: [aliceFc],
    });
    assert.deepEqual(bucketAclOf({ bucket, stored: { grants: [aliceFc, publicRead] }, ownership: 'BucketOwnerEnforced' }).grants, [aliceFc]);
  });
});

describe('defaults', () => {
  it('no OwnershipControls → ObjectWriter; no PublicAccessBlock → all off; settings OR together', () => {
    assert.equal(effectiveOwnership(undefined), 'ObjectWriter');
    assert.equal(effectiveOwnership({ objectOwnership: 'BucketOwnerEnforced' }), 'BucketOwnerEnforced');
    assert.deepEqual(effectivePublicAccessBlock({ bucket: undefined }), NO_PUBLIC_ACCESS_BLOCK);
    assert.deepEqual(
      effectivePublicAccessBlock({ bucket: { ...NO_PUBLIC_ACCESS_BLOCK, blockPublicAcls: true }, account: { ...NO_PUBLIC_ACCESS_BLOCK, restrictPublicBuckets: true } }),
      { ...NO_PUBLIC_ACCESS_BLOCK, blockPublicAcls: true, restrictPublicBuckets: true },
    );
    assert.deepEqual(effectivePublicAccessBlock({ bucket: NEW_BUCKET_PUBLIC_ACCESS_BLOCK }), NEW_BUCKET_PUBLIC_ACCESS_BLOCK);
  });
});

describe('isOwnerFullControlOnly', () => {
  const CASES: Array<[string, AclGrant[], boolean]> = [
    ['owner FULL_CONTROL', [aliceFc], true],
    ['the same twice', [aliceFc, aliceFc], true],
    ['no grants', [], false],
    ['owner READ', [{ ...aliceFc, permission: 'READ' }], false],
    ['another account too', [aliceFc, bobFc], false],
    ['a group too', [aliceFc, publicRead], false],
  ];
  for (const [name, grants, expected] of CASES) {
    it(`${name}: ${expected}`, () => assert.equal(isOwnerFullControlOnly(grants, ALICE_OWNER.canonicalId.toUpperCase()), expected));
  }
});

describe('isStoredAcl', () => {
  const CASES: Array<[string, unknown, boolean]> = [
    ['a stored ACL', { grants: [aliceFc, publicRead] }, true],
    ['no grants', { grants: [] }, true],
    ['undefined', undefined, false],
    ['something else', { x: 1 }, false],
    ['a bad permission', { grants: [{ ...aliceFc, permission: 'ALL' }] }, false],
    ['a bad grantee', { grants: [{ grantee: { type: 'Group', uri: 'http://example.com' }, permission: 'READ' }] }, false],
    ['a grantee without id', { grants: [{ grantee: { type: 'CanonicalUser' }, permission: 'READ' }] }, false],
  ];
  for (const [name, value, expected] of CASES) {
    it(`${name}: ${expected}`, () => assert.equal(isStoredAcl(value), expected));
  }
});
