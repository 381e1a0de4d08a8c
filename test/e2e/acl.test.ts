/**
 * ACLs, Object Ownership and Block Public Access through the AWS SDK v3 and raw requests
 * (../shared/spec/policy-evaluation.md §8, s3-core.md §2.2): the defaults of a new bucket, the
 * configuration round trips, and the refusals AWS gives when an ACL may not be set. Whether a
 * grant actually lets another account in is the authorizer's business (tested on the evaluator).
 */
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteBucketOwnershipControlsCommand,
  DeletePublicAccessBlockCommand,
  GetBucketAclCommand,
  GetBucketOwnershipControlsCommand,
  GetObjectAclCommand,
  GetPublicAccessBlockCommand,
  PutBucketAclCommand,
  PutBucketOwnershipControlsCommand,
  PutObjectAclCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
  S3Client,
  UploadPartCommand,
  type BucketCannedACL,
  type Grant,
  type ObjectOwnership,
} from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Account } from '../../src/auth/principal.ts';
import { assertS3Error } from './assert-s3-error.ts';
import { startTestCoffer, type TestCoffer } from './harness.ts';
import { errorField, rawRequest } from './raw-request.ts';

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';
const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
const ALL_ON = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
const NOT_SUPPORTED = { code: 'AccessControlListNotSupported', status: 400, message: 'The bucket does not allow ACLs' };
const DENIED = { code: 'AccessDenied', status: 403, message: 'Access Denied' };

describe('ACLs, Object Ownership, Block Public Access', () => {
  let t: TestCoffer;
  let s3: S3Client;
  let me: Account;
  let other: Account;
  /** Whether the server resolves grantees against its accounts (display names, unknown ids refused). */
  /** A grant to `other` by canonical id, as GetBucketAcl shows it. */
  const otherGrant = (Permission: Grant['Permission']): Grant => ({
    Grantee: { Type: 'CanonicalUser', ID: other.canonicalId, DisplayName: 'other' },
    Permission,
  });
  /** FULL_CONTROL granted to this account by id (the server names it from its account directory). */
  const meById = (): Grant => ownerGrant();
  const ownerGrant = (): Grant => ({ Grantee: { Type: 'CanonicalUser', ID: me.canonicalId, DisplayName: me.displayName }, Permission: 'FULL_CONTROL' });

  before(async () => {
    t = await startTestCoffer();
    s3 = t.s3();
    me = t.coffer.account;
    other = await t.coffer.identity.createAccount({ displayName: 'other', email: 'other@example.com' });
  });
  after(() => t.stop());

  /** A bucket with ACLs enabled (ObjectWriter) and no Block Public Access. */
  async function openBucket(name: string): Promise<void> {
    await s3.send(new CreateBucketCommand({ Bucket: name, ObjectOwnership: 'ObjectWriter' }));
    await s3.send(new DeletePublicAccessBlockCommand({ Bucket: name }));
  }

  it('a new bucket: BucketOwnerEnforced, Block Public Access all on, a private ACL', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'defaults' }));
    const ownership = await s3.send(new GetBucketOwnershipControlsCommand({ Bucket: 'defaults' }));
    assert.deepEqual(ownership.OwnershipControls?.Rules, [{ ObjectOwnership: 'BucketOwnerEnforced' }]);
    const pab = await s3.send(new GetPublicAccessBlockCommand({ Bucket: 'defaults' }));
    assert.deepEqual(pab.PublicAccessBlockConfiguration, ALL_ON);
    const acl = await s3.send(new GetBucketAclCommand({ Bucket: 'defaults' }));
    assert.deepEqual(acl.Owner, { ID: me.canonicalId, DisplayName: me.displayName });
    assert.deepEqual(acl.Grants, [ownerGrant()]);
  });

  it('GetBucketAcl answers in AWS’s shape: xmlns:xsi and xsi:type on each Grantee', async () => {
    const res = await rawRequest(t.endpoint, { method: 'GET', path: '/defaults', query: { acl: '' }, sign: t.credentials });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/xml');
    assert.equal(
      res.body,
      '<?xml version="1.0" encoding="UTF-8"?>\n<AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
        `<Owner><ID>${me.canonicalId}</ID><DisplayName>${me.displayName}</DisplayName></Owner><AccessControlList>` +
        `<Grant><Grantee ${XSI} xsi:type="CanonicalUser"><ID>${me.canonicalId}</ID><DisplayName>${me.displayName}</DisplayName></Grantee>` +
        '<Permission>FULL_CONTROL</Permission></Grant></AccessControlList></AccessControlPolicy>',
    );
  });

  it('CreateBucket takes x-amz-object-ownership, and refuses a bad value', async () => {
    for (const ownership of ['ObjectWriter', 'BucketOwnerPreferred', 'BucketOwnerEnforced'] as const) {
      const bucket = `own-${ownership.toLowerCase()}`;
      await s3.send(new CreateBucketCommand({ Bucket: bucket, ObjectOwnership: ownership }));
      const got = await s3.send(new GetBucketOwnershipControlsCommand({ Bucket: bucket }));
      assert.equal(got.OwnershipControls?.Rules?.[0]?.ObjectOwnership, ownership);
    }
    for (const value of ['Nobody', '']) {
      await assertS3Error(s3.send(new CreateBucketCommand({ Bucket: 'own-bad', ObjectOwnership: value as ObjectOwnership })), {
        code: 'InvalidArgument',
        status: 400,
        message: `Invalid x-amz-object-ownership header: ${value}`,
        fields: { ArgumentName: 'x-amz-object-ownership' },
      });
    }
  });

  it('CreateBucket with an ACL: private ones pass; others meet Object Ownership, then Block Public Access', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'create-private', ACL: 'private' }));
    await assertS3Error(s3.send(new CreateBucketCommand({ Bucket: 'create-public', ACL: 'public-read' })), {
      code: 'InvalidBucketAclWithObjectOwnership',
      status: 400,
      message: "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting",
    });
    await assertS3Error(s3.send(new CreateBucketCommand({ Bucket: 'create-public', ACL: 'public-read', ObjectOwnership: 'ObjectWriter' })), {
      code: 'InvalidBucketAclWithBlockPublicAccessError',
      status: 400,
      message: 'Bucket cannot have public ACLs set with BlockPublicAccess enabled',
    });
    await s3.send(new CreateBucketCommand({ Bucket: 'create-granted', ObjectOwnership: 'ObjectWriter', GrantRead: `id="${other.canonicalId}"` }));
    const acl = await s3.send(new GetBucketAclCommand({ Bucket: 'create-granted' }));
    assert.deepEqual(acl.Grants, [otherGrant('READ')]);
  });

  it('with ACLs disabled (the default) writes that set an ACL are AccessControlListNotSupported, bucket-owner-full-control excepted', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'enforced' }));
    for (const ACL of ['public-read', 'private', 'authenticated-read'] as const) {
      await assertS3Error(s3.send(new PutObjectCommand({ Bucket: 'enforced', Key: 'k', Body: 'x', ACL })), NOT_SUPPORTED);
    }
    await assertS3Error(s3.send(new PutObjectCommand({ Bucket: 'enforced', Key: 'k', Body: 'x', GrantRead: `id="${other.canonicalId}"` })), NOT_SUPPORTED);
    await assertS3Error(s3.send(new CreateMultipartUploadCommand({ Bucket: 'enforced', Key: 'mp', ACL: 'public-read' })), NOT_SUPPORTED);

    await s3.send(new PutObjectCommand({ Bucket: 'enforced', Key: 'k', Body: 'x', ACL: 'bucket-owner-full-control' }));
    await s3.send(new PutObjectCommand({ Bucket: 'enforced', Key: 'g', Body: 'x', GrantFullControl: `id="${me.canonicalId}"` }));
    await assertS3Error(
      s3.send(new CopyObjectCommand({ Bucket: 'enforced', Key: 'copy', CopySource: 'enforced/k', ACL: 'public-read' })),
      NOT_SUPPORTED,
    );
    const acl = await s3.send(new GetObjectAclCommand({ Bucket: 'enforced', Key: 'k' }));
    assert.deepEqual(acl.Owner, { ID: me.canonicalId, DisplayName: me.displayName });
    assert.deepEqual(acl.Grants, [ownerGrant()]);
  });

  it('with ACLs disabled GetBucketAcl works and PutBucketAcl accepts only the owner’s full control', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'enforced-acl' }));
    await assertS3Error(s3.send(new PutBucketAclCommand({ Bucket: 'enforced-acl', ACL: 'public-read' })), NOT_SUPPORTED);
    await assertS3Error(s3.send(new PutBucketAclCommand({ Bucket: 'enforced-acl', GrantRead: `id="${other.canonicalId}"` })), NOT_SUPPORTED);
    await assertS3Error(
      s3.send(
        new PutBucketAclCommand({
          Bucket: 'enforced-acl',
          AccessControlPolicy: { Owner: { ID: me.canonicalId }, Grants: [ownerGrant(), { Grantee: { Type: 'Group', URI: AUTHENTICATED_USERS }, Permission: 'READ' }] },
        }),
      ),
      NOT_SUPPORTED,
    );
    // `private` is refused too (AWS: only bucket-owner-full-control or its XML equivalent).
    await assertS3Error(s3.send(new PutBucketAclCommand({ Bucket: 'enforced-acl', ACL: 'private' })), NOT_SUPPORTED);
    await s3.send(new PutBucketAclCommand({ Bucket: 'enforced-acl', ACL: 'bucket-owner-full-control' as BucketCannedACL }));
    await s3.send(new PutBucketAclCommand({ Bucket: 'enforced-acl', AccessControlPolicy: { Owner: { ID: me.canonicalId }, Grants: [ownerGrant()] } }));
    const acl = await s3.send(new GetBucketAclCommand({ Bucket: 'enforced-acl' }));
    assert.deepEqual(acl.Grants, [ownerGrant()]);
  });

  it('after switching to ObjectWriter, Block Public Access still refuses a public ACL (403); after removing it, the ACL is kept', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'switch' }));
    await s3.send(new PutBucketOwnershipControlsCommand({ Bucket: 'switch', OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] } }));
    const ownership = await s3.send(new GetBucketOwnershipControlsCommand({ Bucket: 'switch' }));
    assert.equal(ownership.OwnershipControls?.Rules?.[0]?.ObjectOwnership, 'ObjectWriter');

    await assertS3Error(s3.send(new PutObjectCommand({ Bucket: 'switch', Key: 'pub', Body: 'x', ACL: 'public-read' })), DENIED);
    await assertS3Error(s3.send(new PutBucketAclCommand({ Bucket: 'switch', ACL: 'public-read' })), DENIED);

    await s3.send(new DeletePublicAccessBlockCommand({ Bucket: 'switch' }));
    await assertS3Error(s3.send(new GetPublicAccessBlockCommand({ Bucket: 'switch' })), {
      code: 'NoSuchPublicAccessBlockConfiguration',
      status: 404,
      message: 'The public access block configuration was not found',
      fields: { BucketName: 'switch' },
    });
    await s3.send(new PutObjectCommand({ Bucket: 'switch', Key: 'pub', Body: 'x', ACL: 'public-read' }));
    const acl = await s3.send(new GetObjectAclCommand({ Bucket: 'switch', Key: 'pub' }));
    assert.deepEqual(acl.Owner, { ID: me.canonicalId, DisplayName: me.displayName });
    assert.deepEqual(acl.Grants, [ownerGrant(), { Grantee: { Type: 'Group', URI: ALL_USERS }, Permission: 'READ' }]);
  });

  it('Put/Get/DeletePublicAccessBlock round-trip the four flags', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'pab' }));
    const config = { BlockPublicAcls: true, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: true };
    await s3.send(new PutPublicAccessBlockCommand({ Bucket: 'pab', PublicAccessBlockConfiguration: config }));
    assert.deepEqual((await s3.send(new GetPublicAccessBlockCommand({ Bucket: 'pab' }))).PublicAccessBlockConfiguration, config);
    // Omitted flags are false.
    await s3.send(new PutPublicAccessBlockCommand({ Bucket: 'pab', PublicAccessBlockConfiguration: { IgnorePublicAcls: true } }));
    assert.deepEqual((await s3.send(new GetPublicAccessBlockCommand({ Bucket: 'pab' }))).PublicAccessBlockConfiguration, {
      BlockPublicAcls: false,
      IgnorePublicAcls: true,
      BlockPublicPolicy: false,
      RestrictPublicBuckets: false,
    });
    const deleted = await s3.send(new DeletePublicAccessBlockCommand({ Bucket: 'pab' }));
    assert.equal(deleted.$metadata.httpStatusCode, 204);
    await assertS3Error(s3.send(new GetPublicAccessBlockCommand({ Bucket: 'pab' })), { code: 'NoSuchPublicAccessBlockConfiguration', status: 404 });
  });

  it('PutBucketAcl in all three forms: canned, grant headers, an AccessControlPolicy body', async () => {
    await openBucket('acl-forms');
    await s3.send(new PutBucketAclCommand({ Bucket: 'acl-forms', ACL: 'authenticated-read' }));
    assert.deepEqual((await s3.send(new GetBucketAclCommand({ Bucket: 'acl-forms' }))).Grants, [
      ownerGrant(),
      { Grantee: { Type: 'Group', URI: AUTHENTICATED_USERS }, Permission: 'READ' },
    ]);

    await s3.send(
      new PutBucketAclCommand({
        Bucket: 'acl-forms',
        GrantFullControl: `id="${me.canonicalId}"`,
        GrantRead: `uri="${ALL_USERS}", id="${other.canonicalId}"`,
        GrantWriteACP: `id="${other.canonicalId}"`,
      }),
    );
    assert.deepEqual((await s3.send(new GetBucketAclCommand({ Bucket: 'acl-forms' }))).Grants, [
      meById(),
      { Grantee: { Type: 'Group', URI: ALL_USERS }, Permission: 'READ' },
      otherGrant('READ'),
      otherGrant('WRITE_ACP'),
    ]);

    const grants: Grant[] = [
      ownerGrant(),
      { Grantee: { Type: 'CanonicalUser', ID: other.canonicalId, DisplayName: 'other' }, Permission: 'READ_ACP' },
      { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/s3/LogDelivery' }, Permission: 'WRITE' },
      { Grantee: { Type: 'Group', URI: ALL_USERS }, Permission: 'READ' },
    ];
    await s3.send(new PutBucketAclCommand({ Bucket: 'acl-forms', AccessControlPolicy: { Owner: { ID: me.canonicalId }, Grants: grants } }));
    const got = await s3.send(new GetBucketAclCommand({ Bucket: 'acl-forms' }));
    assert.deepEqual(got.Owner, { ID: me.canonicalId, DisplayName: me.displayName });
    assert.deepEqual(got.Grants, grants);
  });

  it('e-mail grantees are stored as the account’s canonical user; unknown ids are refused', async () => {
    await openBucket('acl-email');
    await s3.send(new PutBucketAclCommand({ Bucket: 'acl-email', GrantRead: `emailAddress="${other.email}"`, GrantFullControl: `emailAddress="${me.email}"` }));
    assert.deepEqual((await s3.send(new GetBucketAclCommand({ Bucket: 'acl-email' }))).Grants, [
      ownerGrant(),
      { Grantee: { Type: 'CanonicalUser', ID: other.canonicalId, DisplayName: 'other' }, Permission: 'READ' },
    ]);
    await s3.send(new PutObjectCommand({ Bucket: 'acl-email', Key: 'o', Body: 'x' }));
    await s3.send(new PutObjectAclCommand({ Bucket: 'acl-email', Key: 'o', GrantRead: `emailAddress="${other.email.toUpperCase()}"` }));
    assert.deepEqual((await s3.send(new GetObjectAclCommand({ Bucket: 'acl-email', Key: 'o' }))).Grants, [
      { Grantee: { Type: 'CanonicalUser', ID: other.canonicalId, DisplayName: 'other' }, Permission: 'READ' },
    ]);
    await assertS3Error(s3.send(new PutObjectAclCommand({ Bucket: 'acl-email', Key: 'o', GrantRead: `id="${'0'.repeat(64)}"` })), {
      code: 'InvalidArgument',
      status: 400,
      message: 'Invalid id',
      fields: { ArgumentName: 'CanonicalUser/ID', ArgumentValue: '0'.repeat(64) },
    });
  });

  it('Put*Acl refusals: both header forms, headers and a body, nothing at all, unknown grantees, bad documents', async () => {
    await openBucket('acl-errors');
    await s3.send(new PutObjectCommand({ Bucket: 'acl-errors', Key: 'o', Body: 'x' }));
    await assertS3Error(s3.send(new PutBucketAclCommand({ Bucket: 'acl-errors', ACL: 'private', GrantRead: `id="${other.canonicalId}"` })), {
      code: 'InvalidRequest',
      status: 400,
      message: 'Specifying both Canned ACLs and Header Grants is not allowed',
    });
    await assertS3Error(s3.send(new PutObjectAclCommand({ Bucket: 'acl-errors', Key: 'o', GrantRead: 'emailAddress="nobody@example.com"' })), {
      code: 'UnresolvableGrantByEmailAddress',
      status: 400,
      message: 'The e-mail address you provided does not match any account on record.',
    });
    await assertS3Error(s3.send(new PutObjectAclCommand({ Bucket: 'acl-errors', Key: 'o', GrantRead: 'id="not-a-canonical-id"' })), {
      code: 'InvalidArgument',
      status: 400,
      message: 'Invalid id',
      fields: { ArgumentName: 'CanonicalUser/ID', ArgumentValue: 'not-a-canonical-id' },
    });

    const sign = t.credentials;
    const xml = (grants: string) =>
      `<AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>${me.canonicalId}</ID></Owner><AccessControlList>${grants}</AccessControlList></AccessControlPolicy>`;
    const valid = xml(`<Grant><Grantee ${XSI} xsi:type="CanonicalUser"><ID>${me.canonicalId}</ID></Grantee><Permission>FULL_CONTROL</Permission></Grant>`);
    const cases: Array<[string, Parameters<typeof rawRequest>[1], string, string]> = [
      ['canned and a body', { method: 'PUT', path: '/acl-errors', query: { acl: '' }, headers: { 'x-amz-acl': 'private' }, body: valid, sign }, 'UnexpectedContent', 'This request does not support content'],
      ['nothing', { method: 'PUT', path: '/acl-errors', query: { acl: '' }, sign }, 'MissingSecurityHeader', 'Your request was missing a required header'],
      ['not XML', { method: 'PUT', path: '/acl-errors/o', query: { acl: '' }, body: 'private', sign }, 'MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema'],
      [
        'a Grantee without xsi:type',
        { method: 'PUT', path: '/acl-errors/o', query: { acl: '' }, body: xml(`<Grant><Grantee><ID>${me.canonicalId}</ID></Grantee><Permission>READ</Permission></Grant>`), sign },
        'MalformedACLError',
        'The XML you provided was not well-formed or did not validate against our published schema',
      ],
      [
        'an unknown permission',
        { method: 'PUT', path: '/acl-errors', query: { acl: '' }, body: xml(`<Grant><Grantee ${XSI} xsi:type="Group"><URI>${ALL_USERS}</URI></Grantee><Permission>EVERYTHING</Permission></Grant>`), sign },
        'MalformedACLError',
        'The XML you provided was not well-formed or did not validate against our published schema',
      ],
      [
        'a Content-MD5 that does not match',
        { method: 'PUT', path: '/acl-errors', query: { acl: '' }, headers: { 'content-md5': createHash('md5').update('other').digest('base64') }, body: valid, sign },
        'BadDigest',
        'The Content-MD5 you specified did not match what we received.',
      ],
    ];
    for (const [name, request, code, message] of cases) {
      const res = await rawRequest(t.endpoint, request);
      assert.equal(res.status, 400, name);
      assert.equal(errorField(res.body, 'Code'), code, name);
      assert.equal(errorField(res.body, 'Message'), message, name);
    }
    const missing = await rawRequest(t.endpoint, { method: 'PUT', path: '/acl-errors', query: { acl: '' }, sign });
    assert.equal(errorField(missing.body, 'MissingHeaderName'), 'x-amz-acl');
    const ok = await rawRequest(t.endpoint, {
      method: 'PUT',
      path: '/acl-errors',
      query: { acl: '' },
      headers: { 'content-md5': createHash('md5').update(valid).digest('base64') },
      body: valid,
      sign,
    });
    assert.equal(ok.status, 200);
  });

  it('PutObjectAcl replaces an object’s ACL and nothing else; GetObjectAcl shows its grants', async () => {
    await openBucket('object-acl');
    const put = await s3.send(new PutObjectCommand({ Bucket: 'object-acl', Key: 'doc', Body: 'hello' }));
    assert.deepEqual((await s3.send(new GetObjectAclCommand({ Bucket: 'object-acl', Key: 'doc' }))).Grants, [ownerGrant()]);

    await s3.send(new PutObjectAclCommand({ Bucket: 'object-acl', Key: 'doc', GrantRead: `id="${other.canonicalId}"`, GrantFullControl: `id="${me.canonicalId}"` }));
    const acl = await s3.send(new GetObjectAclCommand({ Bucket: 'object-acl', Key: 'doc' }));
    assert.deepEqual(acl.Owner, { ID: me.canonicalId, DisplayName: me.displayName });
    assert.deepEqual(acl.Grants, [meById(), otherGrant('READ')]);

    await s3.send(
      new PutObjectAclCommand({
        Bucket: 'object-acl',
        Key: 'doc',
        AccessControlPolicy: { Owner: { ID: me.canonicalId }, Grants: [{ Grantee: { Type: 'Group', URI: AUTHENTICATED_USERS }, Permission: 'READ' }] },
      }),
    );
    assert.deepEqual((await s3.send(new GetObjectAclCommand({ Bucket: 'object-acl', Key: 'doc' }))).Grants, [
      { Grantee: { Type: 'Group', URI: AUTHENTICATED_USERS }, Permission: 'READ' },
    ]);

    // The data and ETag are untouched.
    const raw = await rawRequest(t.endpoint, { method: 'GET', path: '/object-acl/doc', sign: t.credentials });
    assert.equal(raw.body, 'hello');
    assert.equal(raw.headers.etag, put.ETag);
    await assertS3Error(s3.send(new GetObjectAclCommand({ Bucket: 'object-acl', Key: 'missing' })), { code: 'NoSuchKey', status: 404 });
    await assertS3Error(s3.send(new PutObjectAclCommand({ Bucket: 'object-acl', Key: 'missing', ACL: 'private' })), { code: 'NoSuchKey', status: 404 });
  });

  it('Object Ownership decides who owns an upload; a multipart upload keeps the ACL it started with', async () => {
    await openBucket('owned');
    await s3.send(new CreateMultipartUploadCommand({ Bucket: 'owned', Key: 'mp', ACL: 'public-read' })).then(async (mp) => {
      const part = await s3.send(new UploadPartCommand({ Bucket: 'owned', Key: 'mp', UploadId: mp.UploadId, PartNumber: 1, Body: 'part' }));
      await s3.send(
        new CompleteMultipartUploadCommand({ Bucket: 'owned', Key: 'mp', UploadId: mp.UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] } }),
      );
    });
    assert.deepEqual((await s3.send(new GetObjectAclCommand({ Bucket: 'owned', Key: 'mp' }))).Grants, [
      ownerGrant(),
      { Grantee: { Type: 'Group', URI: ALL_USERS }, Permission: 'READ' },
    ]);
    await s3.send(new CopyObjectCommand({ Bucket: 'owned', Key: 'mp-copy', CopySource: 'owned/mp', ACL: 'authenticated-read' }));
    assert.deepEqual((await s3.send(new GetObjectAclCommand({ Bucket: 'owned', Key: 'mp-copy' }))).Grants, [
      ownerGrant(),
      { Grantee: { Type: 'Group', URI: AUTHENTICATED_USERS }, Permission: 'READ' },
    ]);
    // Enforcing ownership makes every ACL read as the bucket owner's FULL_CONTROL.
    await s3.send(new PutBucketOwnershipControlsCommand({ Bucket: 'owned', OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } }));
    assert.deepEqual((await s3.send(new GetObjectAclCommand({ Bucket: 'owned', Key: 'mp' }))).Grants, [ownerGrant()]);
  });

  it('switching to BucketOwnerEnforced needs a private bucket ACL first', async () => {
    await openBucket('to-enforced');
    await s3.send(new PutBucketAclCommand({ Bucket: 'to-enforced', GrantRead: `id="${other.canonicalId}"`, GrantFullControl: `id="${me.canonicalId}"` }));
    const enforce = () =>
      s3.send(new PutBucketOwnershipControlsCommand({ Bucket: 'to-enforced', OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } }));
    await assertS3Error(enforce(), {
      code: 'InvalidBucketAclWithObjectOwnership',
      status: 400,
      message: "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting",
    });
    await s3.send(new PutBucketAclCommand({ Bucket: 'to-enforced', ACL: 'private' }));
    await enforce();
    assert.equal((await s3.send(new GetBucketOwnershipControlsCommand({ Bucket: 'to-enforced' }))).OwnershipControls?.Rules?.[0]?.ObjectOwnership, 'BucketOwnerEnforced');
  });

  it('DeleteBucketOwnershipControls: 204, then 404 OwnershipControlsNotFoundError, and ACLs are enabled', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'no-controls' }));
    const deleted = await s3.send(new DeleteBucketOwnershipControlsCommand({ Bucket: 'no-controls' }));
    assert.equal(deleted.$metadata.httpStatusCode, 204);
    await assertS3Error(s3.send(new GetBucketOwnershipControlsCommand({ Bucket: 'no-controls' })), {
      code: 'OwnershipControlsNotFoundError',
      status: 404,
      message: 'The bucket ownership controls were not found',
      fields: { BucketName: 'no-controls' },
    });
    // Without controls the bucket behaves as ObjectWriter: a private ACL may be set.
    await s3.send(new PutObjectCommand({ Bucket: 'no-controls', Key: 'k', Body: 'x', ACL: 'private' }));
  });

  it('PutBucketOwnershipControls and PutPublicAccessBlock refuse malformed documents with MalformedXML', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'bad-docs' }));
    const bodies: Array<[string, string]> = [
      ['ownershipControls', '<OwnershipControls><Rule><ObjectOwnership>Everyone</ObjectOwnership></Rule></OwnershipControls>'],
      ['ownershipControls', '<OwnershipControls></OwnershipControls>'],
      [
        'ownershipControls',
        '<OwnershipControls><Rule><ObjectOwnership>ObjectWriter</ObjectOwnership></Rule><Rule><ObjectOwnership>ObjectWriter</ObjectOwnership></Rule></OwnershipControls>',
      ],
      ['publicAccessBlock', '<PublicAccessBlockConfiguration><BlockPublicAcls>yes</BlockPublicAcls></PublicAccessBlockConfiguration>'],
      ['publicAccessBlock', '<Other/>'],
    ];
    for (const [sub, body] of bodies) {
      const res = await rawRequest(t.endpoint, { method: 'PUT', path: '/bad-docs', query: { [sub]: '' }, body, sign: t.credentials });
      assert.equal(res.status, 400, body);
      assert.equal(errorField(res.body, 'Code'), 'MalformedXML', body);
    }
  });
});
