/**
 * The owner and ACL of what a write creates, and the refusals (../shared/spec/policy-evaluation.md
 * §8.3–8.4, s3-core.md §2.2): per Object Ownership, canned and grant forms, ACLs disabled, Block
 * Public Access, and CreateBucket's own errors.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Owner } from '../../storage/types.ts';
import { ALL_USERS, type AclGrant } from './acl.ts';
import type { ObjectOwnership } from './object-ownership.ts';
import { NEW_BUCKET_PUBLIC_ACCESS_BLOCK, NO_PUBLIC_ACCESS_BLOCK } from './public-access-block.ts';
import { resolveRequestAcl, type RequestAclInput } from './resolve-request-acl.ts';
import { ALICE, ALICE_OWNER, BOB, BOB_OWNER, DIRECTORY, headers, s3Error } from './testing/acl-fixtures.ts';

const fc = (o: Owner): AclGrant => ({ grantee: { type: 'CanonicalUser', id: o.canonicalId, displayName: o.displayName }, permission: 'FULL_CONTROL' });
const read = (o: Owner): AclGrant => ({ ...fc(o), permission: 'READ' });
const allUsersRead: AclGrant = { grantee: { type: 'Group', uri: ALL_USERS }, permission: 'READ' };

/** Bob writes into Alice's bucket unless a case says otherwise. */
function input(ownership: ObjectOwnership, h: Record<string, string>, more: Partial<RequestAclInput> = {}): RequestAclInput {
  return {
    headers: headers(h),
    kind: 'object',
    ownership,
    publicAccessBlock: NO_PUBLIC_ACCESS_BLOCK,
    writer: BOB_OWNER,
    bucketOwner: ALICE_OWNER,
    accounts: DIRECTORY,
    ...more,
  };
}

describe('resolveRequestAcl for objects', () => {
  /** [name, ownership, headers, expected owner, expected grants] */
  const CASES: Array<[string, ObjectOwnership, Record<string, string>, Owner, AclGrant[]]> = [
    ['enforced, no ACL: the bucket owner owns it, private', 'BucketOwnerEnforced', {}, ALICE_OWNER, [fc(ALICE_OWNER)]],
    ['enforced, bucket-owner-full-control', 'BucketOwnerEnforced', { 'x-amz-acl': 'bucket-owner-full-control' }, ALICE_OWNER, [fc(ALICE_OWNER)]],
    ['enforced, full control granted to the bucket owner', 'BucketOwnerEnforced', { 'x-amz-grant-full-control': `id="${ALICE.canonicalId}"` }, ALICE_OWNER, [fc(ALICE_OWNER)]],
    ['enforced, the same by e-mail', 'BucketOwnerEnforced', { 'x-amz-grant-full-control': `emailAddress="${ALICE.email}"` }, ALICE_OWNER, [fc(ALICE_OWNER)]],
    ['preferred, no ACL: the writer owns it', 'BucketOwnerPreferred', {}, BOB_OWNER, [fc(BOB_OWNER)]],
    ['preferred, bucket-owner-full-control: the bucket owner owns it', 'BucketOwnerPreferred', { 'x-amz-acl': 'bucket-owner-full-control' }, ALICE_OWNER, [fc(ALICE_OWNER)]],
    ['preferred, bucket-owner-read: the writer owns it', 'BucketOwnerPreferred', { 'x-amz-acl': 'bucket-owner-read' }, BOB_OWNER, [fc(BOB_OWNER), read(ALICE_OWNER)]],
    ['preferred, full control granted by header: the writer still owns it', 'BucketOwnerPreferred', { 'x-amz-grant-full-control': `id="${ALICE.canonicalId}"` }, BOB_OWNER, [fc(ALICE_OWNER)]],
    ['object writer, no ACL', 'ObjectWriter', {}, BOB_OWNER, [fc(BOB_OWNER)]],
    ['object writer, bucket-owner-full-control', 'ObjectWriter', { 'x-amz-acl': 'bucket-owner-full-control' }, BOB_OWNER, [fc(BOB_OWNER), fc(ALICE_OWNER)]],
    ['object writer, public-read', 'ObjectWriter', { 'x-amz-acl': 'public-read' }, BOB_OWNER, [fc(BOB_OWNER), allUsersRead]],
    ['object writer, grant headers replace the default entirely', 'ObjectWriter', { 'x-amz-grant-read': `id="${ALICE.canonicalId}"` }, BOB_OWNER, [read(ALICE_OWNER)]],
  ];
  for (const [name, ownership, h, owner, grants] of CASES) {
    it(name, async () => {
      const result = await resolveRequestAcl(input(ownership, h));
      assert.deepEqual(result.owner, owner);
      assert.deepEqual(result.acl, { grants });
      assert.equal(result.specified, Object.keys(h).length > 0);
    });
  }

  it('an anonymous writer (no account) leaves the object to the bucket owner', async () => {
    const result = await resolveRequestAcl(input('ObjectWriter', {}, { writer: undefined }));
    assert.deepEqual(result.owner, ALICE_OWNER);
  });

  const NOT_SUPPORTED: Array<Record<string, string>> = [
    { 'x-amz-acl': 'private' },
    { 'x-amz-acl': 'public-read' },
    { 'x-amz-acl': 'bucket-owner-read' },
    { 'x-amz-acl': 'authenticated-read' },
    { 'x-amz-grant-full-control': `id="${BOB.canonicalId}"` },
    { 'x-amz-grant-read': `id="${ALICE.canonicalId}"` },
    { 'x-amz-grant-full-control': `id="${ALICE.canonicalId}"`, 'x-amz-grant-read': `uri="${ALL_USERS}"` },
  ];
  for (const h of NOT_SUPPORTED) {
    it(`enforced refuses ${JSON.stringify(h)} → 400 AccessControlListNotSupported`, async () => {
      await assert.rejects(
        resolveRequestAcl(input('BucketOwnerEnforced', h, { publicAccessBlock: NEW_BUCKET_PUBLIC_ACCESS_BLOCK })),
        s3Error('AccessControlListNotSupported', { message: 'The bucket does not allow ACLs' }),
      );
    });
  }

  it('BlockPublicAcls refuses a public ACL with 403 AccessDenied, and allows a private one', async () => {
    const bpa = { ...NO_PUBLIC_ACCESS_BLOCK, blockPublicAcls: true };
    const publicAcls: Array<Record<string, string>> = [{ 'x-amz-acl': 'public-read' }, { 'x-amz-acl': 'authenticated-read' }, { 'x-amz-grant-read': `uri="${ALL_USERS}"` }];
    for (const h of publicAcls) {
      await assert.rejects(resolveRequestAcl(input('ObjectWriter', h, { publicAccessBlock: bpa })), s3Error('AccessDenied', { message: 'Access Denied' }));
    }
    const ok = await resolveRequestAcl(input('ObjectWriter', { 'x-amz-acl': 'bucket-owner-full-control' }, { publicAccessBlock: bpa }));
    assert.equal(ok.acl.grants.length, 2);
    // IgnorePublicAcls alone does not refuse anything.
    await resolveRequestAcl(input('ObjectWriter', { 'x-amz-acl': 'public-read' }, { publicAccessBlock: { ...NO_PUBLIC_ACCESS_BLOCK, ignorePublicAcls: true } }));
  });

  it('header errors come first: both forms, bad canned value, unknown e-mail, unknown id', async () => {
    await assert.rejects(
      resolveRequestAcl(input('ObjectWriter', { 'x-amz-acl': 'private', 'x-amz-grant-read': `id="${ALICE.canonicalId}"` })),
      s3Error('InvalidRequest', { message: 'Specifying both Canned ACLs and Header Grants is not allowed' }),
    );
    await assert.rejects(resolveRequestAcl(input('BucketOwnerEnforced', { 'x-amz-acl': 'nope' })), s3Error('InvalidArgument'));
    await assert.rejects(
      resolveRequestAcl(input('ObjectWriter', { 'x-amz-grant-read': 'emailAddress="nobody@example.com"' })),
      s3Error('UnresolvableGrantByEmailAddress', { message: 'The e-mail address you provided does not match any account on record.' }),
    );
    await assert.rejects(
      resolveRequestAcl(input('ObjectWriter', { 'x-amz-grant-read': `id="${'d'.repeat(64)}"` })),
      s3Error('InvalidArgument', { message: 'Invalid id' }),
    );
  });
});

describe('resolveRequestAcl for CreateBucket', () => {
  const bucket = (ownership: ObjectOwnership, h: Record<string, string>) =>
    resolveRequestAcl({
      headers: headers(h),
      kind: 'bucket',
      ownership,
      publicAccessBlock: NEW_BUCKET_PUBLIC_ACCESS_BLOCK,
      writer: ALICE_OWNER,
      bucketOwner: ALICE_OWNER,
      accounts: DIRECTORY,
    });

  it('private by default, owned by the creator', async () => {
    assert.deepEqual(await bucket('BucketOwnerEnforced', {}), { owner: ALICE_OWNER, acl: { grants: [fc(ALICE_OWNER)] }, specified: false });
  });

  it('enforced accepts private, bucket-owner-full-control and a full-control grant to the creator', async () => {
    const privateAcls: Array<Record<string, string>> = [{ 'x-amz-acl': 'private' }, { 'x-amz-acl': 'bucket-owner-full-control' }, { 'x-amz-grant-full-control': `id="${ALICE.canonicalId}"` }];
    for (const h of privateAcls) {
      assert.deepEqual((await bucket('BucketOwnerEnforced', h)).acl, { grants: [fc(ALICE_OWNER)] });
    }
  });

  it('enforced with any other ACL → 400 InvalidBucketAclWithObjectOwnership', async () => {
    const others: Array<Record<string, string>> = [{ 'x-amz-acl': 'public-read' }, { 'x-amz-acl': 'log-delivery-write' }, { 'x-amz-grant-read': `id="${BOB.canonicalId}"` }];
    for (const h of others) {
      await assert.rejects(
        bucket('BucketOwnerEnforced', h),
        s3Error('InvalidBucketAclWithObjectOwnership', { message: "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting" }),
      );
    }
  });

  it('ACLs enabled: a public ACL meets the new bucket’s Block Public Access → 400 InvalidBucketAclWithBlockPublicAccessError', async () => {
    await assert.rejects(
      bucket('ObjectWriter', { 'x-amz-acl': 'public-read' }),
      s3Error('InvalidBucketAclWithBlockPublicAccessError', { message: 'Bucket cannot have public ACLs set with BlockPublicAccess enabled' }),
    );
  });

  it('ACLs enabled: a non-public ACL is kept', async () => {
    const { acl } = await bucket('BucketOwnerPreferred', { 'x-amz-grant-read': `emailAddress="${BOB.email}"`, 'x-amz-grant-full-control': `id="${ALICE.canonicalId}"` });
    assert.deepEqual(acl, { grants: [fc(ALICE_OWNER), read(BOB_OWNER)] });
  });
});
