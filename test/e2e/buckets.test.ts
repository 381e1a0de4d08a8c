/**
 * Buckets through the AWS SDK v3: ListBuckets, CreateBucket (names, LocationConstraint, already
 * exists), HeadBucket, DeleteBucket, GetBucketLocation, GetBucketVersioning — with AWS's errors.
 */
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  GetBucketLocationCommand,
  GetBucketVersioningCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertS3Error } from './assert-s3-error.ts';
import { startTestCoffer, type TestCoffer } from './harness.ts';
import { rawRequest } from './raw-request.ts';

describe('buckets', () => {
  let t: TestCoffer;
  let s3: S3Client;
  before(async () => {
    t = await startTestCoffer();
    s3 = t.s3();
  });
  after(() => t.stop());

  it('creates, lists, heads and deletes a bucket', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'photos' }));
    await s3.send(new CreateBucketCommand({ Bucket: 'archive' }));
    const list = await s3.send(new ListBucketsCommand({}));
    assert.deepEqual(list.Buckets?.map((b) => b.Name), ['archive', 'photos']);
    assert.equal(list.Owner?.ID, t.coffer.account.canonicalId);
    assert.ok(list.Buckets?.[0]?.CreationDate instanceof Date);
    assert.equal(list.Buckets?.[0]?.BucketRegion, 'us-east-1');

    const head = await s3.send(new HeadBucketCommand({ Bucket: 'photos' }));
    assert.equal(head.BucketRegion, 'us-east-1');
    assert.equal(head.$metadata.httpStatusCode, 200);

    await s3.send(new DeleteBucketCommand({ Bucket: 'archive' }));
    const after = await s3.send(new ListBucketsCommand({}));
    assert.deepEqual(after.Buckets?.map((b) => b.Name), ['photos']);
  });

  it('pages ListBuckets with max-buckets and a continuation token, and filters by prefix', async () => {
    for (const b of ['page-a', 'page-b', 'page-c']) await s3.send(new CreateBucketCommand({ Bucket: b }));
    const first = await s3.send(new ListBucketsCommand({ MaxBuckets: 2, Prefix: 'page-' }));
    assert.deepEqual(first.Buckets?.map((b) => b.Name), ['page-a', 'page-b']);
    assert.ok(first.ContinuationToken);
    assert.equal(first.Prefix, 'page-');
    const second = await s3.send(new ListBucketsCommand({ MaxBuckets: 2, Prefix: 'page-', ContinuationToken: first.ContinuationToken }));
    assert.deepEqual(second.Buckets?.map((b) => b.Name), ['page-c']);
    assert.equal(second.ContinuationToken, undefined);
    await assertS3Error(s3.send(new ListBucketsCommand({ MaxBuckets: 0 })), {
      code: 'InvalidArgument',
      status: 400,
      message: 'Argument max-buckets must be an integer between 1 and 10000.',
    });
  });

  it('rejects invalid bucket names with InvalidBucketName', async () => {
    for (const name of ['ab', 'UPPER', 'under_score', 'a..b', '192.168.1.1', 'xn--abc', 'end-', 'x'.repeat(64), 'bad-s3alias']) {
      await assertS3Error(s3.send(new CreateBucketCommand({ Bucket: name })), {
        code: 'InvalidBucketName',
        status: 400,
        message: 'The specified bucket is not valid.',
        fields: { BucketName: name },
      });
    }
  });

  it('re-creating your own us-east-1 bucket succeeds; another account gets BucketAlreadyExists', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'mine' }));
    await s3.send(new CreateBucketCommand({ Bucket: 'mine' }));
    const other = await t.coffer.identity.createAccount({ displayName: 'other', email: 'other@example.com' });
    const key = await t.coffer.identity.createAccessKey({ accountId: other.accountId });
    const s3b = t.s3({ credentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey } });
    await assertS3Error(s3b.send(new CreateBucketCommand({ Bucket: 'mine' })), {
      code: 'BucketAlreadyExists',
      status: 409,
      message:
        'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
    });
    // The other account sees only its own buckets.
    const list = await s3b.send(new ListBucketsCommand({}));
    assert.deepEqual(list.Buckets ?? [], []);
  });

  it('creates buckets in other regions from us-east-1, and rejects bad LocationConstraints', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'in-eu', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
    const eu = t.s3({ region: 'eu-west-1' });
    const loc = await eu.send(new GetBucketLocationCommand({ Bucket: 'in-eu' }));
    assert.equal(loc.LocationConstraint, 'eu-west-1');
    const usLoc = await s3.send(new GetBucketLocationCommand({ Bucket: 'photos' }));
    assert.equal(usLoc.LocationConstraint, undefined);

    await assertS3Error(
      s3.send(new CreateBucketCommand({ Bucket: 'bad-loc', CreateBucketConfiguration: { LocationConstraint: 'us-east-1' as never } })),
      { code: 'InvalidLocationConstraint', status: 400, message: 'The specified location-constraint is not valid', fields: { LocationConstraint: 'us-east-1' } },
    );
    await assertS3Error(
      s3.send(new CreateBucketCommand({ Bucket: 'bad-loc', CreateBucketConfiguration: { LocationConstraint: 'mars-north-1' as never } })),
      { code: 'InvalidLocationConstraint', status: 400 },
    );
  });

  it('answers a request signed for the wrong region with the bucket region', async () => {
    const wrong = t.s3({ region: 'us-west-2' });
    // The SDK follows AWS's hint and retries in the named region; look at the raw answer instead.
    const res = await rawRequest(t.endpoint, {
      method: 'GET',
      path: '/in-eu',
      query: { location: '' },
      sign: { ...t.credentials, region: 'us-west-2' },
    });
    assert.equal(res.status, 400);
    assert.match(res.body, /<Code>AuthorizationHeaderMalformed<\/Code>/);
    assert.match(res.body, /the region 'us-west-2' is wrong; expecting 'eu-west-1'/);
    assert.match(res.body, /<Region>eu-west-1<\/Region>/);
    wrong.destroy();
  });

  it('refuses to delete a bucket that still holds objects', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'full' }));
    await s3.send(new PutObjectCommand({ Bucket: 'full', Key: 'k', Body: 'x' }));
    await assertS3Error(s3.send(new DeleteBucketCommand({ Bucket: 'full' })), {
      code: 'BucketNotEmpty',
      status: 409,
      message: 'The bucket you tried to delete is not empty',
      fields: { BucketName: 'full' },
    });
  });

  it('answers missing buckets with NoSuchBucket, and HEAD with a bare 404', async () => {
    await assertS3Error(s3.send(new DeleteBucketCommand({ Bucket: 'nope-nope' })), {
      code: 'NoSuchBucket',
      status: 404,
      message: 'The specified bucket does not exist',
      fields: { BucketName: 'nope-nope' },
    });
    const head = await rawRequest(t.endpoint, { method: 'HEAD', path: '/nope-nope', sign: t.credentials });
    assert.equal(head.status, 404);
    assert.equal(head.body, '');
    assert.match(String(head.headers['x-amz-request-id']), /^[A-Z0-9]{16}$/);
    assert.ok(head.headers['x-amz-id-2']);
  });

  it('reports an unversioned bucket as AWS does', async () => {
    const v = await s3.send(new GetBucketVersioningCommand({ Bucket: 'photos' }));
    assert.equal(v.Status, undefined);
    assert.equal(v.MFADelete, undefined);
    const raw = await rawRequest(t.endpoint, { method: 'GET', path: '/photos', query: { versioning: '' }, sign: t.credentials });
    assert.equal(raw.body, '<?xml version="1.0" encoding="UTF-8"?>\n<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"/>');
  });

  it('denies anonymous ListBuckets with AccessDenied', async () => {
    const res = await rawRequest(t.endpoint, { method: 'GET', path: '/' });
    assert.equal(res.status, 403);
    assert.match(res.body, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error><Code>AccessDenied<\/Code><Message>Access Denied<\/Message><RequestId>[A-Z0-9]{16}<\/RequestId><HostId>[^<]+<\/HostId><\/Error>$/);
  });

  it('answers operations Coffer does not implement with 501 NotImplemented', async () => {
    const res = await rawRequest(t.endpoint, { method: 'GET', path: '/photos', query: { lifecycle: '' }, sign: t.credentials });
    assert.equal(res.status, 501);
    assert.match(res.body, /<Code>NotImplemented<\/Code><Message>GetBucketLifecycleConfiguration is not implemented by Coffer.<\/Message>/);
  });

  it('answers unsupported methods with MethodNotAllowed', async () => {
    const res = await rawRequest(t.endpoint, { method: 'POST', path: '/', sign: t.credentials });
    assert.equal(res.status, 405);
    assert.match(res.body, /<Code>MethodNotAllowed<\/Code><Message>The specified method is not allowed against this resource.<\/Message><Method>POST<\/Method><ResourceType>SERVICE<\/ResourceType>/);
  });
});
