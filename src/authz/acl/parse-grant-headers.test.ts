/**
 * `x-amz-grant-*` headers (../shared/spec/policy-evaluation.md §8.2) and how they combine with
 * `x-amz-acl`: grantee lists in AWS's `type="value"` form, and the errors for what is not.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_USERS, AUTHENTICATED_USERS, LOG_DELIVERY, type AclGrant } from './acl.ts';
import { parseGrantHeaders, parseGranteeList } from './parse-grant-headers.ts';
import { readAclHeaders } from './read-acl-headers.ts';
import { headers, s3Error } from './testing/acl-fixtures.ts';

const ID_A = '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be';
const ID_B = 'b'.repeat(64);

describe('parseGranteeList', () => {
  const CASES: Array<[string, string, ReturnType<typeof parseGranteeList>]> = [
    ['the spec example', `uri="${ALL_USERS}", id="${ID_A}"`, [{ type: 'Group', uri: ALL_USERS }, { type: 'CanonicalUser', id: ID_A }]],
    ['one canonical id', `id="${ID_A}"`, [{ type: 'CanonicalUser', id: ID_A }]],
    ['an upper-case id is stored lower-case', `id="${ID_A.toUpperCase()}"`, [{ type: 'CanonicalUser', id: ID_A }]],
    ['an e-mail address (resolved later)', 'emailAddress="xyz@amazon.com"', [{ type: 'AmazonCustomerByEmail', emailAddress: 'xyz@amazon.com' }]],
    ['each group', `uri="${AUTHENTICATED_USERS}",uri="${LOG_DELIVERY}"`, [{ type: 'Group', uri: AUTHENTICATED_USERS }, { type: 'Group', uri: LOG_DELIVERY }]],
    ['unquoted values and spaces around =', `id = ${ID_A} ,  uri=${ALL_USERS}`, [{ type: 'CanonicalUser', id: ID_A }, { type: 'Group', uri: ALL_USERS }]],
    ['type names are case-insensitive', `ID="${ID_A}", EmailAddress="a@b.c"`, [{ type: 'CanonicalUser', id: ID_A }, { type: 'AmazonCustomerByEmail', emailAddress: 'a@b.c' }]],
  ];
  for (const [name, value, expected] of CASES) {
    it(name, () => assert.deepEqual(parseGranteeList('x-amz-grant-read', value), expected));
  }

  const UNRECOGNISED: Array<[string, string]> = [
    ['an empty value', ''],
    ['no type', `"${ID_A}"`],
    ['an unknown type', 'name="alice"'],
    ['an unterminated quote', `id="${ID_A}`],
    ['a trailing comma', `id="${ID_A}",`],
    ['an empty e-mail', 'emailAddress=""'],
    ['junk after the value', `id="${ID_A}" x`],
  ];
  for (const [name, value] of UNRECOGNISED) {
    it(`${name} → 400 InvalidArgument naming the header`, () => {
      assert.throws(
        () => parseGranteeList('x-amz-grant-write', value),
        s3Error('InvalidArgument', {
          message: 'Argument format not recognized',
          fields: [
            ['ArgumentName', 'x-amz-grant-write'],
            ['ArgumentValue', value],
          ],
        }),
      );
    });
  }

  it('a malformed canonical id → 400 InvalidArgument `Invalid id`', () => {
    assert.throws(
      () => parseGranteeList('x-amz-grant-read', 'id="1234"'),
      s3Error('InvalidArgument', {
        message: 'Invalid id',
        fields: [
          ['ArgumentName', 'CanonicalUser/ID'],
          ['ArgumentValue', '1234'],
        ],
      }),
    );
  });

  it('an unknown group → 400 InvalidArgument `Invalid group uri`', () => {
    assert.throws(
      () => parseGranteeList('x-amz-grant-read', 'uri="http://acs.amazonaws.com/groups/global/Everyone"'),
      s3Error('InvalidArgument', { message: 'Invalid group uri' }),
    );
  });
});

describe('parseGrantHeaders', () => {
  it('gives every grantee of a header that header’s permission', () => {
    const grants = parseGrantHeaders(
      headers({
        'x-amz-grant-read': `uri="${ALL_USERS}", id="${ID_B}"`,
        'x-amz-grant-write': `uri="${LOG_DELIVERY}"`,
        'x-amz-grant-read-acp': `id="${ID_B}"`,
        'x-amz-grant-write-acp': `id="${ID_B}"`,
        'x-amz-grant-full-control': `id="${ID_A}"`,
      }),
    );
    const expected: AclGrant[] = [
      { grantee: { type: 'CanonicalUser', id: ID_A }, permission: 'FULL_CONTROL' },
      { grantee: { type: 'Group', uri: ALL_USERS }, permission: 'READ' },
      { grantee: { type: 'CanonicalUser', id: ID_B }, permission: 'READ' },
      { grantee: { type: 'Group', uri: LOG_DELIVERY }, permission: 'WRITE' },
      { grantee: { type: 'CanonicalUser', id: ID_B }, permission: 'READ_ACP' },
      { grantee: { type: 'CanonicalUser', id: ID_B }, permission: 'WRITE_ACP' },
    ];
    assert.deepEqual(grants, expected);
  });

  it('no grant headers → no grants', () => {
    assert.deepEqual(parseGrantHeaders(headers({ 'x-amz-acl': 'private' })), []);
  });

  it('more than 100 grants → 400 MalformedACLError', () => {
    const many = Array.from({ length: 101 }, (_, i) => `id="${i.toString(16).padStart(64, '0')}"`).join(',');
    assert.throws(() => parseGrantHeaders(headers({ 'x-amz-grant-read': many })), s3Error('MalformedACLError'));
    const hundred = Array.from({ length: 100 }, (_, i) => `id="${i.toString(16).padStart(64, '0')}"`).join(',');
    assert.equal(parseGrantHeaders(headers({ 'x-amz-grant-read': hundred })).length, 100);
  });
});

describe('readAclHeaders', () => {
  it('nothing → none', () => assert.deepEqual(readAclHeaders(headers({})), { kind: 'none' }));
  it('x-amz-acl → canned', () => assert.deepEqual(readAclHeaders(headers({ 'x-amz-acl': 'public-read' })), { kind: 'canned', canned: 'public-read' }));
  it('grant headers → grants', () => {
    assert.deepEqual(readAclHeaders(headers({ 'x-amz-grant-read': `id="${ID_A}"` })), {
      kind: 'grants',
      grants: [{ grantee: { type: 'CanonicalUser', id: ID_A }, permission: 'READ' }],
    });
  });
  it('both → 400 InvalidRequest `Specifying both Canned ACLs and Header Grants is not allowed`', () => {
    for (const grant of ['x-amz-grant-read', 'x-amz-grant-write', 'x-amz-grant-read-acp', 'x-amz-grant-write-acp', 'x-amz-grant-full-control']) {
      assert.throws(
        () => readAclHeaders(headers({ 'x-amz-acl': 'private', [grant]: `id="${ID_A}"` })),
        s3Error('InvalidRequest', { message: 'Specifying both Canned ACLs and Header Grants is not allowed' }),
      );
    }
  });
  it('an unknown canned value → 400 InvalidArgument', () => {
    assert.throws(() => readAclHeaders(headers({ 'x-amz-acl': 'world-readable' })), s3Error('InvalidArgument'));
  });
});
