import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { S3Error } from '../errors/s3-error.ts';
import { MAX_PRE_DATA_BYTES, formBoundary, readPostForm } from './read-post-form.ts';
import { chunked, multipartBody, postRequest, readAll } from './testing/multipart-body.ts';

async function rejectsWith(promise: Promise<unknown>, code: string, status?: number): Promise<void> {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof S3Error, String(e));
    assert.equal(e.code, code);
    if (status !== undefined) assert.equal(e.status, status);
    return true;
  });
}

describe('readPostForm', () => {
  it('reads the fields before the file (names case-insensitive, first value kept) and streams the file', async () => {
    const data = randomBytes(200_000);
    const body = multipartBody([
      ['Key', 'uploads/${filename}'],
      ['X-Amz-Meta-Color', 'grün'],
      ['key', 'second value ignored'],
      { name: 'File', filename: 'photo.jpg', contentType: 'image/jpeg', data },
      ['acl', 'after the file: ignored'],
    ]);
    const form = await readPostForm(postRequest(chunked(body, 1000)));
    assert.deepEqual([...form.fields], [
      ['key', 'uploads/${filename}'],
      ['x-amz-meta-color', 'grün'],
    ]);
    assert.equal(form.names.get('key'), 'Key');
    assert.equal(form.file.filename, 'photo.jpg');
    assert.equal(form.file.contentType, 'image/jpeg');
    assert.ok((await readAll(form.file.stream)).equals(data));
  });

  it('a file part without a file name is still the file', async () => {
    const form = await readPostForm(postRequest(multipartBody([['key', 'k'], ['file', 'inline content']])));
    assert.equal(form.file.filename, '');
    assert.equal((await readAll(form.file.stream)).toString(), 'inline content');
  });

  it('not multipart/form-data → 412 RequestIsNotMultiPartContent', async () => {
    for (const contentType of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/mixed; boundary=x', '']) {
      await rejectsWith(readPostForm(postRequest(Buffer.from('key=a'), { contentType })), 'RequestIsNotMultiPartContent', 412);
    }
  });

  it('no usable boundary → 400 MalformedPOSTRequest', () => {
    for (const contentType of ['multipart/form-data', 'multipart/form-data; boundary=', `multipart/form-data; boundary=${'b'.repeat(71)}`]) {
      assert.throws(() => formBoundary(contentType), (e: unknown) => e instanceof S3Error && e.code === 'MalformedPOSTRequest');
    }
    assert.equal(formBoundary('Multipart/Form-Data; charset=utf-8; Boundary="a b"'), 'a b');
  });

  it('no file part → 400 IncorrectNumberOfFilesInPostRequest, with AWS text', async () => {
    await assert.rejects(readPostForm(postRequest(multipartBody([['key', 'k']]))), (e: unknown) => {
      assert.ok(e instanceof S3Error);
      assert.equal(e.code, 'IncorrectNumberOfFilesInPostRequest');
      assert.equal(e.status, 400);
      assert.equal(e.message, 'POST requires exactly one file upload per request.');
      return true;
    });
  });

  it('a body cut short → MalformedPOSTRequest (before the file, or from the file stream)', async () => {
    const full = multipartBody([['key', 'k'], { name: 'file', filename: 'f', data: 'x'.repeat(1000) }]);
    await rejectsWith(readPostForm(postRequest(full.subarray(0, 30))), 'MalformedPOSTRequest');
    const form = await readPostForm(postRequest(multipartBody([['key', 'k'], { name: 'file', filename: 'f', data: 'abc' }], { close: false })));
    await rejectsWith(readAll(form.file.stream), 'MalformedPOSTRequest');
    // A file part that is cut off mid-way fails too, though its bytes may already have flowed.
    const cut = await readPostForm(postRequest(full.subarray(0, full.length - 200)));
    await rejectsWith(readAll(cut.file.stream), 'MalformedPOSTRequest');
  });

  it('the fields before the file are limited → MaxPostPreDataLengthExceededError', async () => {
    const body = multipartBody([['x-amz-meta-big', 'x'.repeat(MAX_PRE_DATA_BYTES)], { name: 'file', filename: 'f', data: 'abc' }]);
    await rejectsWith(readPostForm(postRequest(body)), 'MaxPostPreDataLengthExceededError', 400);
    const many = multipartBody([...Array.from({ length: 2000 }, (_, i): [string, string] => [`x-ignore-${i}`, 'v']), { name: 'file', data: 'a' }]);
    await rejectsWith(readPostForm(postRequest(many)), 'MaxPostPreDataLengthExceededError', 400);
  });

  it('a large file is not limited by the field limit', async () => {
    const data = randomBytes(3 * MAX_PRE_DATA_BYTES);
    const form = await readPostForm(postRequest(multipartBody([['key', 'k'], { name: 'file', filename: 'f', data }])));
    assert.equal((await readAll(form.file.stream)).length, data.length);
  });
});
