import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { it } from 'node:test';
import { MAX_PUT_SIZE } from '../../s3/object-body/write-object-body.ts';
import { S3Error } from '../../s3/errors/s3-error.ts';
import { fileSizeBounds, limitFileSize } from './file-size-limit.ts';
import { parsePolicyCondition } from './parse-policy-condition.ts';

const read = async (chunks: string[], min: number, max: number) => {
  const out: Buffer[] = [];
  for await (const c of limitFileSize(Readable.from(chunks.map((c) => Buffer.from(c))), { min, max })) out.push(c as Buffer);
  return Buffer.concat(out).toString();
};

it('passes a file within the bounds unchanged (bounds inclusive)', async () => {
  assert.equal(await read(['abc', 'def'], 6, 6), 'abcdef');
  assert.equal(await read([], 0, 0), '');
});

it('over the maximum: counts the whole file, then EntityTooLarge', async () => {
  await assert.rejects(read(['abc', 'def', 'ghi'], 0, 4), (e: unknown) => {
    assert.ok(e instanceof S3Error && e.code === 'EntityTooLarge' && e.status === 400);
    assert.equal(e.message, 'Your proposed upload exceeds the maximum allowed size');
    assert.deepEqual(e.fields, [['ProposedSize', '9'], ['MaxSizeAllowed', '4']]);
    return true;
  });
});

it('under the minimum: EntityTooSmall', async () => {
  await assert.rejects(read(['ab'], 3, 10), (e: unknown) => {
    assert.ok(e instanceof S3Error && e.code === 'EntityTooSmall' && e.status === 400);
    assert.equal(e.message, 'Your proposed upload is smaller than the minimum allowed size');
    assert.deepEqual(e.fields, [['ProposedSize', '2'], ['MinSizeAllowed', '3']]);
    return true;
  });
});

it('fileSizeBounds: every range together, and 5 GiB at most', () => {
  const policy = (...c: unknown[]) => ({ expiration: 0, conditions: c.map(parsePolicyCondition) });
  assert.deepEqual(fileSizeBounds(undefined), { min: 0, max: MAX_PUT_SIZE });
  assert.deepEqual(fileSizeBounds(policy(['content-length-range', 10, 100], ['content-length-range', 20, 50])), { min: 20, max: 50 });
  assert.deepEqual(fileSizeBounds(policy(['content-length-range', 0, 10 * MAX_PUT_SIZE])), { min: 0, max: MAX_PUT_SIZE });
});
