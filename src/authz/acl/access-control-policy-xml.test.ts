/**
 * AccessControlPolicy documents: written in AWS's exact shape and read back, against the example
 * of ../shared/spec/policy-evaluation.md §8.2; and the errors of a document that is not one.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accessControlPolicyXml } from './access-control-policy-xml.ts';
import { ALL_USERS, AUTHENTICATED_USERS, LOG_DELIVERY, type Acl } from './acl.ts';
import { parseAccessControlPolicy } from './parse-access-control-policy.ts';
import { s3Error } from './testing/acl-fixtures.ts';

const OWNER_ID = '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be';

/** The spec's example, verbatim (indented for reading, as the spec prints it). */
const SPEC_XML = `<AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Owner>
    <ID>79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be</ID>
    <DisplayName>owner-display-name</DisplayName>
  </Owner>
  <AccessControlList>
    <Grant>
      <Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser">
        <ID>79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be</ID>
        <DisplayName>owner-display-name</DisplayName>
      </Grantee>
      <Permission>FULL_CONTROL</Permission>
    </Grant>
    <Grant>
      <Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group">
        <URI>http://acs.amazonaws.com/groups/global/AllUsers</URI>
      </Grantee>
      <Permission>READ</Permission>
    </Grant>
  </AccessControlList>
</AccessControlPolicy>`;

const SPEC_ACL: Acl = {
  owner: { id: OWNER_ID, displayName: 'owner-display-name' },
  grants: [
    { grantee: { type: 'CanonicalUser', id: OWNER_ID, displayName: 'owner-display-name' }, permission: 'FULL_CONTROL' },
    { grantee: { type: 'Group', uri: ALL_USERS }, permission: 'READ' },
  ],
};

/** AWS sends the declaration, one newline, then the document without indentation. */
const unindented = (xml: string) => '<?xml version="1.0" encoding="UTF-8"?>\n' + xml.replace(/>\s+</g, '><');

describe('accessControlPolicyXml', () => {
  it('writes the spec example byte for byte (unindented)', () => {
    assert.equal(accessControlPolicyXml(SPEC_ACL), unindented(SPEC_XML));
  });

  it('writes e-mail grantees, groups, no DisplayName when unknown, and an empty list', () => {
    const xml = accessControlPolicyXml({
      owner: { id: OWNER_ID },
      grants: [
        { grantee: { type: 'AmazonCustomerByEmail', emailAddress: 'a&b@example.com' }, permission: 'READ_ACP' },
        { grantee: { type: 'CanonicalUser', id: OWNER_ID }, permission: 'WRITE_ACP' },
      ],
    });
    assert.equal(
      xml,
      '<?xml version="1.0" encoding="UTF-8"?>\n<AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
        `<Owner><ID>${OWNER_ID}</ID></Owner><AccessControlList>` +
        '<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="AmazonCustomerByEmail"><EmailAddress>a&amp;b@example.com</EmailAddress></Grantee><Permission>READ_ACP</Permission></Grant>' +
        `<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>${OWNER_ID}</ID></Grantee><Permission>WRITE_ACP</Permission></Grant>` +
        '</AccessControlList></AccessControlPolicy>',
    );
    assert.match(accessControlPolicyXml({ owner: { id: OWNER_ID }, grants: [] }), /<AccessControlList><\/AccessControlList>/);
  });
});

describe('parseAccessControlPolicy', () => {
  it('reads the spec example', () => {
    assert.deepEqual(parseAccessControlPolicy(Buffer.from(SPEC_XML)), SPEC_ACL);
  });

  it('round-trips what it writes', () => {
    const acl: Acl = {
      owner: { id: OWNER_ID, displayName: 'o' },
      grants: [
        { grantee: { type: 'CanonicalUser', id: 'b'.repeat(64), displayName: 'Bob <b>' }, permission: 'READ' },
        { grantee: { type: 'AmazonCustomerByEmail', emailAddress: 'x@example.com' }, permission: 'WRITE' },
        { grantee: { type: 'Group', uri: AUTHENTICATED_USERS }, permission: 'READ_ACP' },
        { grantee: { type: 'Group', uri: LOG_DELIVERY }, permission: 'WRITE_ACP' },
      ],
    };
    assert.deepEqual(parseAccessControlPolicy(Buffer.from(accessControlPolicyXml(acl))), acl);
  });

  it('accepts any XSI prefix, no namespace on the root, and no AccessControlList (no grants)', () => {
    const xml =
      `<AccessControlPolicy><Owner><ID>${OWNER_ID}</ID></Owner><AccessControlList><Grant>` +
      `<Grantee xmlns:i="http://www.w3.org/2001/XMLSchema-instance" i:type="Group"><URI>${ALL_USERS}</URI></Grantee>` +
      '<Permission>READ</Permission></Grant></AccessControlList></AccessControlPolicy>';
    assert.deepEqual(parseAccessControlPolicy(Buffer.from(xml)).grants, [{ grantee: { type: 'Group', uri: ALL_USERS }, permission: 'READ' }]);
    assert.deepEqual(parseAccessControlPolicy(Buffer.from(`<AccessControlPolicy><Owner><ID>${OWNER_ID}</ID></Owner></AccessControlPolicy>`)), {
      owner: { id: OWNER_ID },
      grants: [],
    });
  });

  const grant = (grantee: string, permission = 'READ') => `<Grant>${grantee}<Permission>${permission}</Permission></Grant>`;
  const doc = (grants: string, owner = `<Owner><ID>${OWNER_ID}</ID></Owner>`) =>
    Buffer.from(`<AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${owner}<AccessControlList>${grants}</AccessControlList></AccessControlPolicy>`);
  const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
  const user = `<Grantee ${XSI} xsi:type="CanonicalUser"><ID>${OWNER_ID}</ID></Grantee>`;

  const MALFORMED_XML: Array<[string, Buffer]> = [
    ['an empty body', Buffer.alloc(0)],
    ['not XML', Buffer.from('private')],
    ['unclosed elements', Buffer.from('<AccessControlPolicy><Owner>')],
    ['another root element', Buffer.from('<AccessControlList></AccessControlList>')],
  ];
  for (const [name, body] of MALFORMED_XML) {
    it(`${name} → 400 MalformedXML`, () => assert.throws(() => parseAccessControlPolicy(body), s3Error('MalformedXML')));
  }

  const MALFORMED_ACL: Array<[string, Buffer]> = [
    ['no Owner', doc(grant(user), '')],
    ['an Owner without ID', doc(grant(user), '<Owner><DisplayName>x</DisplayName></Owner>')],
    ['a Grant without Grantee', doc('<Grant><Permission>READ</Permission></Grant>')],
    ['a Grant without Permission', doc(`<Grant>${user}</Grant>`)],
    ['an unknown Permission', doc(grant(user, 'DELETE'))],
    ['a lower-case Permission', doc(grant(user, 'read'))],
    ['a Grantee without xsi:type', doc(grant(`<Grantee><ID>${OWNER_ID}</ID></Grantee>`))],
    ['an unknown xsi:type', doc(grant(`<Grantee ${XSI} xsi:type="Role"><ID>${OWNER_ID}</ID></Grantee>`))],
    ['a CanonicalUser without ID', doc(grant(`<Grantee ${XSI} xsi:type="CanonicalUser"><URI>${ALL_USERS}</URI></Grantee>`))],
    ['a Group without URI', doc(grant(`<Grantee ${XSI} xsi:type="Group"><ID>${OWNER_ID}</ID></Grantee>`))],
    ['an e-mail grantee without EmailAddress', doc(grant(`<Grantee ${XSI} xsi:type="AmazonCustomerByEmail"></Grantee>`))],
    ['101 grants', doc(grant(user).repeat(101))],
  ];
  for (const [name, body] of MALFORMED_ACL) {
    it(`${name} → 400 MalformedACLError`, () => {
      assert.throws(
        () => parseAccessControlPolicy(body),
        s3Error('MalformedACLError', { message: 'The XML you provided was not well-formed or did not validate against our published schema' }),
      );
    });
  }

  it('100 grants are fine', () => assert.equal(parseAccessControlPolicy(doc(grant(user).repeat(100))).grants.length, 100));

  it('a malformed canonical id → InvalidArgument `Invalid id`; an unknown group → `Invalid group uri`', () => {
    assert.throws(
      () => parseAccessControlPolicy(doc(grant(`<Grantee ${XSI} xsi:type="CanonicalUser"><ID>not-an-id</ID></Grantee>`))),
      s3Error('InvalidArgument', { message: 'Invalid id' }),
    );
    assert.throws(
      () => parseAccessControlPolicy(doc(grant(`<Grantee ${XSI} xsi:type="Group"><URI>http://example.com/all</URI></Grantee>`))),
      s3Error('InvalidArgument', { message: 'Invalid group uri' }),
    );
  });
});
