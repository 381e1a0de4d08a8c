/**
 * Public access, as AWS decides it (policy-evaluation.md §8.4, example E4): public-read by ACL and
 * by bucket policy, for anonymous callers with plain fetch — and each Block Public Access flag
 * doing exactly its job.
 */
import {
  CreateBucketCommand,
  DeletePublicAccessBlockCommand,
  GetObjectCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
  CreateMultipartUploadCommand,
} from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertS3Error } from '../assert-s3-error.ts';
import { startTestCoffer, type TestCoffer } from '../harness.ts';
import { errorFields } from '../raw-request.ts';
import { policy } from './setup.ts';

const bpa = (flags: Partial<Record<'BlockPublicAcls' | 'IgnorePublicAcls' | 'BlockPublicPolicy' | 'RestrictPublicBuckets', boolean>>) => ({
  BlockPublicAcls: false,
  IgnorePublicAcls: false,
  BlockPublicPolicy: false,
  RestrictPublicBuckets: false,
  ...flags,
});

describe('public access and Block Public Access', () => {
  let t: TestCoffer;
  const anonymousGet = async (bucket: string, key: string) => {
    const res = await fetch(`${t.endpoint}/${bucket}/${key}`);
    return { status: res.status, body: await res.text() };
  };
  before(async () => {
    t = await startTestCoffer();
  });
  after(() => t.stop());

  it('public-read by ACL: anonymous fetch works; IgnorePublicAcls turns it off; BlockPublicAcls refuses new public ACLs', async () => {
    const s3 = t.s3();
    await s3.send(new CreateBucketCommand({ Bucket: 'public-acl', ObjectOwnership: 'ObjectWriter' }));
    // New buckets block public access: a public ACL is refused until the block is lifted.
    await assertS3Error(s3.send(new PutObjectCommand({ Bucket: 'public-acl', Key: 'hello.txt', Body: 'hi', ACL: 'public-read' })), {
      code: 'AccessDenied',
      status: 403,
    });
    await s3.send(new DeletePublicAccessBlockCommand({ Bucket: 'public-acl' }));
    await s3.send(new PutObjectCommand({ Bucket: 'public-acl', Key: 'hello.txt', Body: 'hi', ACL: 'public-read' }));
    assert.deepEqual(await anonymousGet('public-acl', 'hello.txt'), { status: 200, body: 'hi' });

    await s3.send(new PutPublicAccessBlockCommand({ Bucket: 'public-acl', PublicAccessBlockConfiguration: bpa({ IgnorePublicAcls: true }) }));
    assert.equal((await anonymousGet('public-acl', 'hello.txt')).status, 403);

    await s3.send(new PutPublicAccessBlockCommand({ Bucket: 'public-acl', PublicAccessBlockConfiguration: bpa({ BlockPublicAcls: true }) }));
    assert.equal((await anonymousGet('public-acl', 'hello.txt')).status, 200, 'BlockPublicAcls keeps existing public ACLs');
    await assertS3Error(s3.send(new PutObjectCommand({ Bucket: 'public-acl', Key: 'new.txt', Body: 'x', ACL: 'public-read' })), {
      code: 'AccessDenied',
      status: 403,
    });
  });

  it('E4: public-read by bucket policy; BlockPublicPolicy refuses it, RestrictPublicBuckets limits it to the owner account', async () => {
    const s3 = t.s3();
    await s3.send(new CreateBucketCommand({ Bucket: 'public-policy' }));
    await s3.send(new PutObjectCommand({ Bucket: 'public-policy', Key: 'index.html', Body: '<h1>hello</h1>' }));
    const publicRead = policy([{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::public-policy/*' }]);
    await assertS3Error(s3.send(new PutBucketPolicyCommand({ Bucket: 'public-policy', Policy: publicRead })), { code: 'AccessDenied', status: 403 });

    await s3.send(new DeletePublicAccessBlockCommand({ Bucket: 'public-policy' }));
    await s3.send(new PutBucketPolicyCommand({ Bucket: 'public-policy', Policy: publicRead }));
    assert.deepEqual(await anonymousGet('public-policy', 'index.html'), { status: 200, body: '<h1>hello</h1>' });

    await s3.send(new PutPublicAccessBlockCommand({ Bucket: 'public-policy', PublicAccessBlockConfiguration: bpa({ RestrictPublicBuckets: true }) }));
    const restricted = await anonymousGet('public-policy', 'index.html');
    assert.equal(restricted.status, 403);
    assert.equal(Object.fromEntries(errorFields(restricted.body)).Message, 'Access Denied');
    const owner = await s3.send(new GetObjectCommand({ Bucket: 'public-policy', Key: 'index.html' }));
    assert.equal(owner.$metadata.httpStatusCode, 200);
  });

  it('a policy restricted to a source network is not public, and only that network gets in', async () => {
    const s3 = t.s3();
    await s3.send(new CreateBucketCommand({ Bucket: 'office-only' }));
    await s3.send(new PutObjectCommand({ Bucket: 'office-only', Key: 'memo.txt', Body: 'memo' }));
    // Not public (a fixed /24 source), so a bucket with every Block Public Access flag accepts it.
    const fromOffice = (cidr: string) =>
      policy([{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::office-only/*', Condition: { IpAddress: { 'aws:SourceIp': cidr } } }]);
    await s3.send(new PutBucketPolicyCommand({ Bucket: 'office-only', Policy: fromOffice('203.0.113.0/24') }));
    assert.equal((await anonymousGet('office-only', 'memo.txt')).status, 403, '127.0.0.1 is not in 203.0.113.0/24');
    await s3.send(new PutBucketPolicyCommand({ Bucket: 'office-only', Policy: fromOffice('127.0.0.0/24') }));
    assert.deepEqual(await anonymousGet('office-only', 'memo.txt'), { status: 200, body: 'memo' });
  });

  it('anonymous multipart uploads get AWS’s own refusal text', async () => {
    const res = await fetch(`${t.endpoint}/office-only/upload.bin?uploads`, { method: 'POST' });
    assert.equal(res.status, 403);
    assert.equal(Object.fromEntries(errorFields(await res.text())).Message, 'Anonymous users cannot initiate multipart uploads.  Please authenticate.');
    void CreateMultipartUploadCommand;
  });
});
