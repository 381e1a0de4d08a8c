/**
 * Multipart uploads through the AWS SDK v3: create, upload parts (and copy parts), list, complete
 * with AWS's ETag, abort — and the completion errors, asserted by code and fields.
 */
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { assertS3Error } from './assert-s3-error.ts';
import { startTestCoffer, type TestCoffer } from './harness.ts';

const B = 'multipart';
const MiB = 1024 * 1024;
const md5 = (b: Buffer | string) => createHash('md5').update(b).digest();

describe('multipart uploads', () => {
  let t: TestCoffer;
  let s3: S3Client;
  before(async () => {
    t = await startTestCoffer();
    s3 = t.s3();
    await s3.send(new CreateBucketCommand({ Bucket: B }));
  });
  after(() => t.stop());

  it('uploads parts and completes with the MD5-of-MD5s ETag', async () => {
    const part1 = Buffer.alloc(5 * MiB, 'a');
    const part2 = Buffer.from('tail');
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: B, Key: 'big.bin', ContentType: 'application/x-test', Metadata: { m: 'v' } }));
    assert.ok(UploadId);
    const r1 = await s3.send(new UploadPartCommand({ Bucket: B, Key: 'big.bin', UploadId, PartNumber: 1, Body: part1 }));
    const r2 = await s3.send(new UploadPartCommand({ Bucket: B, Key: 'big.bin', UploadId, PartNumber: 2, Body: part2 }));
    assert.equal(r1.ETag, `"${md5(part1).toString('hex')}"`);

    const parts = await s3.send(new ListPartsCommand({ Bucket: B, Key: 'big.bin', UploadId }));
    assert.deepEqual(parts.Parts?.map((p) => [p.PartNumber, p.Size, p.ETag]), [
      [1, 5 * MiB, r1.ETag],
      [2, 4, r2.ETag],
    ]);
    assert.equal(parts.NextPartNumberMarker, '2');

    const uploads = await s3.send(new ListMultipartUploadsCommand({ Bucket: B }));
    assert.deepEqual(uploads.Uploads?.map((u) => [u.Key, u.UploadId]), [['big.bin', UploadId]]);

    const done = await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: B,
        Key: 'big.bin',
        UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: r1.ETag }, { PartNumber: 2, ETag: r2.ETag }] },
      }),
    );
    const expected = createHash('md5').update(Buffer.concat([md5(part1), md5(part2)])).digest('hex') + '-2';
    assert.equal(done.ETag, `"${expected}"`);
    assert.equal(done.Key, 'big.bin');
    assert.equal(done.Bucket, B);
    assert.match(done.Location ?? '', /\/multipart\/big\.bin$/);

    const got = await s3.send(new GetObjectCommand({ Bucket: B, Key: 'big.bin', ChecksumMode: 'ENABLED' }));
    const bytes = Buffer.from(await got.Body!.transformToByteArray());
    assert.ok(bytes.equals(Buffer.concat([part1, part2])));
    assert.equal(got.ContentType, 'application/x-test');
    assert.deepEqual(got.Metadata, { m: 'v' });

    const p2 = await s3.send(new GetObjectCommand({ Bucket: B, Key: 'big.bin', PartNumber: 2 }));
    assert.equal(await p2.Body!.transformToString(), 'tail');
    assert.equal(p2.PartsCount, 2);
    assert.equal(p2.ContentRange, `bytes ${5 * MiB}-${5 * MiB + 3}/${5 * MiB + 4}`);
    const range = await s3.send(new GetObjectCommand({ Bucket: B, Key: 'big.bin', Range: `bytes=${5 * MiB - 2}-${5 * MiB + 1}` }));
    assert.equal(await range.Body!.transformToString(), 'aata');

    const gone = await s3.send(new ListMultipartUploadsCommand({ Bucket: B }));
    assert.equal(gone.Uploads, undefined);
  });

  it('rejects bad completions: InvalidPartOrder, InvalidPart, EntityTooSmall, NoSuchUpload', async () => {
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: B, Key: 'bad' }));
    const a = await s3.send(new UploadPartCommand({ Bucket: B, Key: 'bad', UploadId, PartNumber: 1, Body: 'small' }));
    const b = await s3.send(new UploadPartCommand({ Bucket: B, Key: 'bad', UploadId, PartNumber: 2, Body: 'small too' }));
    const complete = (parts: Array<{ PartNumber: number; ETag?: string }>) =>
      s3.send(new CompleteMultipartUploadCommand({ Bucket: B, Key: 'bad', UploadId, MultipartUpload: { Parts: parts } }));
    await assertS3Error(complete([{ PartNumber: 2, ETag: b.ETag }, { PartNumber: 1, ETag: a.ETag }]), {
      code: 'InvalidPartOrder',
      status: 400,
      message: 'The list of parts was not in ascending order. Parts must be ordered by part number.',
      fields: { UploadId: UploadId! },
    });
    await assertS3Error(complete([{ PartNumber: 1, ETag: '"0123456789abcdef0123456789abcdef"' }]), {
      code: 'InvalidPart',
      status: 400,
      fields: { UploadId: UploadId!, PartNumber: '1', ETag: '0123456789abcdef0123456789abcdef' },
    });
    await assertS3Error(complete([{ PartNumber: 1, ETag: a.ETag }, { PartNumber: 2, ETag: b.ETag }]), {
      code: 'EntityTooSmall',
      status: 400,
      message: 'Your proposed upload is smaller than the minimum allowed size',
      fields: { ProposedSize: '5', MinSizeAllowed: '5242880', PartNumber: '1' },
    });
    // A single small part is fine: only non-last parts have a minimum.
    await complete([{ PartNumber: 2, ETag: b.ETag }]);
    await assertS3Error(complete([{ PartNumber: 2, ETag: b.ETag }]), {
      code: 'NoSuchUpload',
      status: 404,
      message: 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
      fields: { UploadId: UploadId! },
    });
    const got = await s3.send(new GetObjectCommand({ Bucket: B, Key: 'bad' }));
    assert.equal(await got.Body!.transformToString(), 'small too');
  });

  it('rejects part numbers outside 1–10000 and aborts uploads', async () => {
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: B, Key: 'aborted' }));
    await assertS3Error(s3.send(new UploadPartCommand({ Bucket: B, Key: 'aborted', UploadId, PartNumber: 10001, Body: 'x' })), {
      code: 'InvalidArgument',
      status: 400,
      message: 'Part number must be an integer between 1 and 10000, inclusive',
      fields: { ArgumentName: 'partNumber', ArgumentValue: '10001' },
    });
    await s3.send(new UploadPartCommand({ Bucket: B, Key: 'aborted', UploadId, PartNumber: 1, Body: 'x' }));
    const abort = await s3.send(new AbortMultipartUploadCommand({ Bucket: B, Key: 'aborted', UploadId }));
    assert.equal(abort.$metadata.httpStatusCode, 204);
    await assertS3Error(s3.send(new AbortMultipartUploadCommand({ Bucket: B, Key: 'aborted', UploadId })), { code: 'NoSuchUpload', status: 404 });
    await assertS3Error(s3.send(new UploadPartCommand({ Bucket: B, Key: 'aborted', UploadId, PartNumber: 1, Body: 'x' })), { code: 'NoSuchUpload', status: 404 });
  });

  it('copies parts from other objects, whole and by range', async () => {
    await s3.send(new PutObjectCommand({ Bucket: B, Key: 'source', Body: '0123456789' }));
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: B, Key: 'copied' }));
    const c1 = await s3.send(new UploadPartCopyCommand({ Bucket: B, Key: 'copied', UploadId, PartNumber: 1, CopySource: `${B}/source`, CopySourceRange: 'bytes=2-4' }));
    assert.equal(c1.CopyPartResult?.ETag, `"${md5('234').toString('hex')}"`);
    await assertS3Error(
      s3.send(new UploadPartCopyCommand({ Bucket: B, Key: 'copied', UploadId, PartNumber: 2, CopySource: `${B}/source`, CopySourceRange: 'bytes=0-100' })),
      { code: 'InvalidArgument', status: 400, message: 'Range specified is not valid for source object of size: 10' },
    );
    await assertS3Error(
      s3.send(new UploadPartCopyCommand({ Bucket: B, Key: 'copied', UploadId, PartNumber: 2, CopySource: `${B}/source`, CopySourceRange: 'bytes=1-' })),
      { code: 'InvalidArgument', status: 400, fields: { ArgumentName: 'x-amz-copy-source-range' } },
    );
    await s3.send(new CompleteMultipartUploadCommand({ Bucket: B, Key: 'copied', UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: c1.CopyPartResult?.ETag }] } }));
    const got = await s3.send(new GetObjectCommand({ Bucket: B, Key: 'copied' }));
    assert.equal(await got.Body!.transformToString(), '234');
  });

  it('uploads a large stream with @aws-sdk/lib-storage (parallel parts, default checksums)', async () => {
    const size = 12 * MiB + 123;
    const data = Buffer.alloc(size);
    for (let i = 0; i < size; i++) data[i] = (i * 31) & 0xff;
    const upload = new Upload({ client: s3, params: { Bucket: B, Key: 'lib-storage.bin', Body: Readable.from([data]) }, partSize: 5 * MiB, queueSize: 2 });
    await upload.done();
    const head = await s3.send(new HeadObjectCommand({ Bucket: B, Key: 'lib-storage.bin', ChecksumMode: 'ENABLED' }));
    assert.equal(head.ContentLength, size);
    assert.match(head.ETag ?? '', /-3"$/);
    const got = await s3.send(new GetObjectCommand({ Bucket: B, Key: 'lib-storage.bin' }));
    assert.ok(Buffer.from(await got.Body!.transformToByteArray()).equals(data));
  });
});
