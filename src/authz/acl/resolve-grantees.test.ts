/** Resolving e-mail and canonical-id grantees against the accounts Coffer knows. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_USERS, type AclGrant } from './acl.ts';
import { resolveGrantees } from './resolve-grantees.ts';
import { BOB, CAROL, DIRECTORY, s3Error } from './testing/acl-fixtures.ts';

describe('resolveGrantees', () => {
  it('e-mail → that account’s CanonicalUser grant with its display name; ids get display names; groups pass', async () => {
    const grants: AclGrant[] = [
      { grantee: { type: 'AmazonCustomerByEmail', emailAddress: 'Bob@Example.com' }, permission: 'READ' },
      { grantee: { type: 'CanonicalUser', id: CAROL.canonicalId, displayName: 'whatever the client said' }, permission: 'WRITE_ACP' },
      { grantee: { type: 'Group', uri: ALL_USERS }, permission: 'READ' },
    ];
    assert.deepEqual(await resolveGrantees(grants, DIRECTORY), [
      { grantee: { type: 'CanonicalUser', id: BOB.canonicalId, displayName: 'bob' }, permission: 'READ' },
      { grantee: { type: 'CanonicalUser', id: CAROL.canonicalId, displayName: 'carol' }, permission: 'WRITE_ACP' },
      { grantee: { type: 'Group', uri: ALL_USERS }, permission: 'READ' },
    ]);
  });

  it('an unknown e-mail → 400 UnresolvableGrantByEmailAddress; an unknown id → 400 InvalidArgument', async () => {
    await assert.rejects(
      resolveGrantees([{ grantee: { type: 'AmazonCustomerByEmail', emailAddress: 'x@example.com' }, permission: 'READ' }], DIRECTORY),
      s3Error('UnresolvableGrantByEmailAddress'),
    );
    await assert.rejects(
      resolveGrantees([{ grantee: { type: 'CanonicalUser', id: 'e'.repeat(64) }, permission: 'READ' }], DIRECTORY),
      s3Error('InvalidArgument', {
        message: 'Invalid id',
        fields: [
          ['ArgumentName', 'CanonicalUser/ID'],
          ['ArgumentValue', 'e'.repeat(64)],
        ],
      }),
    );
  });

  it('without a directory: ids are kept as written, e-mails cannot be resolved', async () => {
    const byId: AclGrant = { grantee: { type: 'CanonicalUser', id: 'e'.repeat(64) }, permission: 'READ' };
    assert.deepEqual(await resolveGrantees([byId], undefined), [byId]);
    await assert.rejects(
      resolveGrantees([{ grantee: { type: 'AmazonCustomerByEmail', emailAddress: BOB.email }, permission: 'READ' }], undefined),
      s3Error('UnresolvableGrantByEmailAddress'),
    );
  });
});
