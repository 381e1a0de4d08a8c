/**
 * Who may do what across accounts and within one (policy-evaluation.md §7, examples E1, E3, E8):
 * another account needs a grant from the bucket owner *and* (for its IAM users) its own policy;
 * same-account users need only one allow; grants by bucket policy and by ACL; Object Ownership
 * deciding who owns what another account writes.
 */
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  DeletePublicAccessBlockCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutBucketPolicyCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertS3Error } from '../assert-s3-error.ts';
import { startTestCoffer, type TestCoffer } from '../harness.ts';
import { castOf, policy, type Cast } from './setup.ts';

describe('authorization across accounts', () => {
  let t: TestCoffer;
  let c: Cast;
  before(async () => {
    t = await startTestCoffer();
    c = await castOf(t);
    await c.s3a.send(new CreateBucketCommand({ Bucket: 'photos' }));
    await c.s3a.send(new PutObjectCommand({ Bucket: 'photos', Key: 'cat.jpg', Body: 'meow' }));
  });
  after(() => t.stop());

  it('another account is refused with the plain "Access Denied"', async () => {
    await assertS3Error(c.s3b.send(new GetObjectCommand({ Bucket: 'photos', Key: 'cat.jpg' })), { code: 'AccessDenied', status: 403, message: 'Access Denied' });
    await assertS3Error(c.s3b.send(new ListObjectsV2Command({ Bucket: 'photos' })), { code: 'AccessDenied', status: 403, message: 'Access Denied' });
  });

  it('E1: a same-account IAM user needs an identity policy, and is told which action no policy allows', async () => {
    await assertS3Error(c.s3alice.send(new GetObjectCommand({ Bucket: 'photos', Key: 'cat.jpg' })), {
      code: 'AccessDenied',
      status: 403,
      message: `User: ${c.alice.arn} is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::photos/cat.jpg" because no identity-based policy allows the s3:GetObject action`,
    });
    await c.setAlicePolicy([{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' }]);
    const got = await c.s3alice.send(new GetObjectCommand({ Bucket: 'photos', Key: 'cat.jpg' }));
    assert.equal(await got.Body!.transformToString(), 'meow');
    await assertS3Error(c.s3alice.send(new PutObjectCommand({ Bucket: 'photos', Key: 'dog.jpg', Body: 'woof' })), {
      code: 'AccessDenied',
      status: 403,
      message: `User: ${c.alice.arn} is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::photos/dog.jpg" because no identity-based policy allows the s3:PutObject action`,
    });
    // With s3:ListBucket a missing key is 404; without it, 403 (keys cannot be probed).
    await assertS3Error(c.s3alice.send(new GetObjectCommand({ Bucket: 'photos', Key: 'missing.jpg' })), { code: 'NoSuchKey', status: 404 });
    await c.setAlicePolicy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*' }]);
    await assertS3Error(c.s3alice.send(new GetObjectCommand({ Bucket: 'photos', Key: 'missing.jpg' })), { code: 'AccessDenied', status: 403 });
    await c.setAlicePolicy(undefined);
  });

  it('a bucket policy naming a same-account user is enough on its own', async () => {
    await c.s3a.send(
      new PutBucketPolicyCommand({
        Bucket: 'photos',
        Policy: policy([{ Sid: 'Alice', Effect: 'Allow', Principal: { AWS: c.alice.arn }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*' }]),
      }),
    );
    const got = await c.s3alice.send(new GetObjectCommand({ Bucket: 'photos', Key: 'cat.jpg' }));
    assert.equal(await got.Body!.transformToString(), 'meow');
  });

  it('E3: a bucket policy granting account B lets B’s root in; B’s IAM users also need B’s own policy', async () => {
    await c.s3a.send(
      new PutBucketPolicyCommand({
        Bucket: 'photos',
        Policy: policy([{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${c.b.accountId}:root` }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*' }]),
      }),
    );
    const got = await c.s3b.send(new GetObjectCommand({ Bucket: 'photos', Key: 'cat.jpg' }));
    assert.equal(await got.Body!.transformToString(), 'meow');
    // Other actions are still refused.
    await assertS3Error(c.s3b.send(new PutObjectCommand({ Bucket: 'photos', Key: 'x', Body: 'x' })), { code: 'AccessDenied', status: 403 });
  });

  it('E8: with ObjectWriter, what B writes is B’s; A may delete it but not read it. With BucketOwnerEnforced A owns it.', async () => {
    for (const [bucket, ownership] of [['writer-owned', 'ObjectWriter'], ['owner-enforced', 'BucketOwnerEnforced']] as const) {
      await c.s3a.send(new CreateBucketCommand({ Bucket: bucket, ObjectOwnership: ownership }));
      await c.s3a.send(new DeletePublicAccessBlockCommand({ Bucket: bucket }));
      await c.s3a.send(
        new PutBucketPolicyCommand({
          Bucket: bucket,
          Policy: policy([{ Effect: 'Allow', Principal: { AWS: c.b.accountId }, Action: 's3:PutObject', Resource: `arn:aws:s3:::${bucket}/*` }]),
        }),
      );
      await c.s3b.send(new PutObjectCommand({ Bucket: bucket, Key: 'from-b.txt', Body: 'B wrote this' }));
    }
    await assertS3Error(c.s3a.send(new GetObjectCommand({ Bucket: 'writer-owned', Key: 'from-b.txt' })), { code: 'AccessDenied', status: 403 });
    const enforced = await c.s3a.send(new GetObjectCommand({ Bucket: 'owner-enforced', Key: 'from-b.txt' }));
    assert.equal(await enforced.Body!.transformToString(), 'B wrote this');
    await c.s3a.send(new DeleteObjectCommand({ Bucket: 'writer-owned', Key: 'from-b.txt' }));
  });

  it('a cross-account grant by ACL: B reads an object whose ACL grants B READ', async () => {
    await c.s3a.send(new CreateBucketCommand({ Bucket: 'acl-share', ObjectOwnership: 'ObjectWriter' }));
    await c.s3a.send(new DeletePublicAccessBlockCommand({ Bucket: 'acl-share' }));
    await c.s3a.send(new PutObjectCommand({ Bucket: 'acl-share', Key: 'shared.txt', Body: 'for B', GrantRead: `id="${c.b.canonicalId}"` }));
    await c.s3a.send(new PutObjectCommand({ Bucket: 'acl-share', Key: 'private.txt', Body: 'not for B' }));
    const got = await c.s3b.send(new GetObjectCommand({ Bucket: 'acl-share', Key: 'shared.txt' }));
    assert.equal(await got.Body!.transformToString(), 'for B');
    await assertS3Error(c.s3b.send(new GetObjectCommand({ Bucket: 'acl-share', Key: 'private.txt' })), { code: 'AccessDenied', status: 403 });
  });
});
