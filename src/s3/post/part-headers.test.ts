import assert from 'node:assert/strict';
import { it } from 'node:test';
import { S3Error } from '../errors/s3-error.ts';
import { parseHeaderParams, parsePartHeaders } from './part-headers.ts';

const latin1 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

it('name, filename and Content-Type; header names in any case', () => {
  assert.deepEqual(parsePartHeaders(['content-DISPOSITION: form-data; name="file"; filename="cat.jpg"', 'Content-Type: image/jpeg']), {
    name: 'file',
    filename: 'cat.jpg',
    contentType: 'image/jpeg',
  });
  assert.deepEqual(parsePartHeaders(['Content-Disposition: form-data; name=key']), { name: 'key', filename: undefined, contentType: undefined });
});

it('raw UTF-8 names (browsers), curl escapes, Windows paths, RFC 5987', () => {
  assert.equal(parsePartHeaders([latin1('Content-Disposition: form-data; name="file"; filename="résumé.pdf"')]).filename, 'résumé.pdf');
  assert.equal(parsePartHeaders(['Content-Disposition: form-data; name="file"; filename="say \\"hi\\".txt"']).filename, 'say "hi".txt');
  assert.equal(parsePartHeaders(['Content-Disposition: form-data; name="file"; filename="C:\\dir\\a.txt"']).filename, 'C:\\dir\\a.txt');
  assert.equal(parsePartHeaders(["Content-Disposition: form-data; name=\"file\"; filename=\"x\"; filename*=UTF-8''%E2%82%AC.txt"]).filename, '€.txt');
  assert.equal(parsePartHeaders(['Content-Disposition: form-data; name="file"; filename=""']).filename, '');
});

it('a part that is not form data is MalformedPOSTRequest', () => {
  for (const lines of [[], ['Content-Type: text/plain'], ['Content-Disposition: form-data; filename="a"'], ['Content-Disposition: form-data; name="a'], ['garbage']]) {
    assert.throws(() => parsePartHeaders(lines), (e: unknown) => e instanceof S3Error && e.code === 'MalformedPOSTRequest', JSON.stringify(lines));
  }
});

it('parseHeaderParams: a Content-Type and its parameters', () => {
  const { type, params } = parseHeaderParams('multipart/form-data; charset=utf-8;boundary="----x;y"; flag');
  assert.equal(type, 'multipart/form-data');
  assert.equal(params.get('boundary'), '----x;y');
  assert.equal(params.get('charset'), 'utf-8');
});
