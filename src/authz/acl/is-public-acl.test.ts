/** Public ACLs for Block Public Access (../shared/spec/policy-evaluation.md §8.4). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_USERS, AUTHENTICATED_USERS, LOG_DELIVERY, type AclGrant } from './acl.ts';
import { CANNED_ACLS, expandCannedAcl } from './canned-acl.ts';
import { isPublicAcl } from './is-public-acl.ts';

const A = { id: 'a'.repeat(64) };
const B = { id: 'b'.repeat(64) };

describe('isPublicAcl', () => {
  const PUBLIC_CANNED = new Set(['public-read', 'public-read-write', 'authenticated-read']);
  for (const canned of CANNED_ACLS) {
    it(`${canned}: ${PUBLIC_CANNED.has(canned) ? 'public' : 'not public'}`, () => {
      for (const kind of ['bucket', 'object'] as const) {
        assert.equal(isPublicAcl({ grants: expandCannedAcl(canned, { kind, owner: B, bucketOwner: A }) }), PUBLIC_CANNED.has(canned));
      }
    });
  }

  const CASES: Array<[string, AclGrant[], boolean]> = [
    ['no grants', [], false],
    ['another account', [{ grantee: { type: 'CanonicalUser', id: B.id }, permission: 'FULL_CONTROL' }], false],
    ['an e-mail grantee', [{ grantee: { type: 'AmazonCustomerByEmail', emailAddress: 'x@example.com' }, permission: 'READ' }], false],
    ['LogDelivery', [{ grantee: { type: 'Group', uri: LOG_DELIVERY }, permission: 'WRITE' }], false],
    ['AllUsers READ_ACP only', [{ grantee: { type: 'Group', uri: ALL_USERS }, permission: 'READ_ACP' }], true],
    ['AuthenticatedUsers WRITE_ACP only', [{ grantee: { type: 'Group', uri: AUTHENTICATED_USERS }, permission: 'WRITE_ACP' }], true],
  ];
  for (const [name, grants, expected] of CASES) {
    it(`${name}: ${expected ? 'public' : 'not public'}`, () => assert.equal(isPublicAcl({ grants }), expected));
  }
});
