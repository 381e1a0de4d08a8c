/**
 * ACL evaluation (../shared/spec/policy-evaluation.md §8.1, §7.2): who a grant reaches —
 * the grantee account (root, IAM users, role sessions), AllUsers (anonymous too),
 * AuthenticatedUsers (any signed caller, any account) — which permissions FULL_CONTROL implies,
 * and IgnorePublicAcls.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Principal } from '../../auth/principal.ts';
import { ALL_USERS, AUTHENTICATED_USERS, LOG_DELIVERY, type AclGrant, type AclPermission } from './acl.ts';
import { aclGrants, findAclGrant } from './acl-grants.ts';
import { expandCannedAcl } from './canned-acl.ts';
import { ALICE, ANON, BOB, CAROL, rootOf, roleSessionOf, userOf } from './testing/acl-fixtures.ts';

const grant = (grantee: AclGrant['grantee'], permission: AclPermission): AclGrant => ({ grantee, permission });
const to = (account: typeof ALICE): AclGrant['grantee'] => ({ type: 'CanonicalUser', id: account.canonicalId });

/** Alice owns the resource; Bob may read; the public may read; any signed caller may read the ACL. */
const ACL = {
  grants: [
    grant(to(ALICE), 'FULL_CONTROL'),
    grant(to(BOB), 'READ'),
    grant({ type: 'Group', uri: ALL_USERS }, 'READ'),
    grant({ type: 'Group', uri: AUTHENTICATED_USERS }, 'READ_ACP'),
    grant({ type: 'Group', uri: LOG_DELIVERY }, 'WRITE'),
  ],
};

/** [who, principal, permission, granted?, granted with IgnorePublicAcls?] */
const CASES: Array<[string, Principal, AclPermission, boolean, boolean]> = [
  // The owner's FULL_CONTROL implies every permission.
  ['owner root READ', rootOf(ALICE), 'READ', true, true],
  ['owner root WRITE', rootOf(ALICE), 'WRITE', true, true],
  ['owner root READ_ACP', rootOf(ALICE), 'READ_ACP', true, true],
  ['owner root WRITE_ACP', rootOf(ALICE), 'WRITE_ACP', true, true],
  ['owner root FULL_CONTROL', rootOf(ALICE), 'FULL_CONTROL', true, true],
  // A grant to an account reaches its IAM users and role sessions (their own policies must also allow).
  ['owner’s IAM user WRITE', userOf(ALICE, 'dev'), 'WRITE', true, true],
  ['owner’s role session WRITE_ACP', roleSessionOf(ALICE), 'WRITE_ACP', true, true],
  // Another account by canonical id: exactly what it was granted, plus the public grants.
  ['grantee account READ', rootOf(BOB), 'READ', true, true],
  ['grantee account’s user READ', userOf(BOB, 'reader'), 'READ', true, true],
  ['grantee account WRITE', rootOf(BOB), 'WRITE', false, false],
  ['grantee account READ_ACP (AuthenticatedUsers)', rootOf(BOB), 'READ_ACP', true, false],
  ['grantee account WRITE_ACP', rootOf(BOB), 'WRITE_ACP', false, false],
  // A third account: only the public grants.
  ['other account READ (AllUsers)', rootOf(CAROL), 'READ', true, false],
  ['other account READ_ACP (AuthenticatedUsers)', userOf(CAROL, 'x'), 'READ_ACP', true, false],
  ['other account WRITE', rootOf(CAROL), 'WRITE', false, false],
  ['other account FULL_CONTROL', rootOf(CAROL), 'FULL_CONTROL', false, false],
  // Anonymous: AllUsers only, never AuthenticatedUsers; LogDelivery is nobody's.
  ['anonymous READ (AllUsers)', ANON, 'READ', true, false],
  ['anonymous READ_ACP (not AuthenticatedUsers)', ANON, 'READ_ACP', false, false],
  ['anonymous WRITE (LogDelivery is not anonymous)', ANON, 'WRITE', false, false],
];

describe('aclGrants', () => {
  for (const [who, principal, permission, granted, ignoringPublic] of CASES) {
    it(`${who}: ${granted ? 'granted' : 'not granted'}; IgnorePublicAcls: ${ignoringPublic ? 'granted' : 'not granted'}`, () => {
      assert.equal(aclGrants(ACL, principal, permission), granted);
      assert.equal(aclGrants(ACL, principal, permission, { ignorePublicGrants: true }), ignoringPublic);
    });
  }

  it('a READ grant does not imply WRITE, READ_ACP or FULL_CONTROL', () => {
    const acl = { grants: [grant(to(BOB), 'READ')] };
    assert.deepEqual(
      (['READ', 'WRITE', 'READ_ACP', 'WRITE_ACP', 'FULL_CONTROL'] as const).map((p) => aclGrants(acl, rootOf(BOB), p)),
      [true, false, false, false, false],
    );
  });

  it('canonical ids compare without regard to case', () => {
    const acl = { grants: [grant({ type: 'CanonicalUser', id: BOB.canonicalId.toUpperCase() }, 'READ')] };
    assert.equal(aclGrants(acl, rootOf(BOB), 'READ'), true);
  });

  it('an e-mail grantee (unresolved) reaches the account with that address', () => {
    const acl = { grants: [grant({ type: 'AmazonCustomerByEmail', emailAddress: 'BOB@example.com' }, 'READ')] };
    assert.equal(aclGrants(acl, rootOf(BOB), 'READ'), true);
    assert.equal(aclGrants(acl, rootOf(CAROL), 'READ'), false);
    assert.equal(aclGrants(acl, ANON, 'READ'), false);
  });

  it('a private ACL gives the owner everything and no one else anything', () => {
    const acl = { grants: expandCannedAcl('private', { kind: 'bucket', owner: { id: ALICE.canonicalId }, bucketOwner: { id: ALICE.canonicalId } }) };
    assert.equal(aclGrants(acl, rootOf(ALICE), 'WRITE'), true);
    for (const p of [rootOf(BOB), ANON, userOf(CAROL, 'c')]) assert.equal(aclGrants(acl, p, 'READ'), false);
  });

  it('public-read-write lets anonymous callers write unless public ACLs are ignored', () => {
    const acl = { grants: expandCannedAcl('public-read-write', { kind: 'bucket', owner: { id: ALICE.canonicalId }, bucketOwner: { id: ALICE.canonicalId } }) };
    assert.equal(aclGrants(acl, ANON, 'WRITE'), true);
    assert.equal(aclGrants(acl, ANON, 'WRITE', { ignorePublicGrants: true }), false);
    assert.equal(aclGrants(acl, rootOf(ALICE), 'WRITE', { ignorePublicGrants: true }), true);
  });

  it('findAclGrant names the grant that decided, for the trace', () => {
    assert.deepEqual(findAclGrant(ACL, rootOf(CAROL), 'READ'), grant({ type: 'Group', uri: ALL_USERS }, 'READ'));
    assert.deepEqual(findAclGrant(ACL, rootOf(BOB), 'READ'), grant(to(BOB), 'READ'));
    assert.equal(findAclGrant(ACL, rootOf(CAROL), 'WRITE'), undefined);
  });
});
