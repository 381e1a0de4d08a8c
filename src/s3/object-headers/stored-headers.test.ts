/**
 * Stored system headers, storage class and x-amz-tagging (../shared/spec/s3-core.md §3.1).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { S3Error } from '../errors/s3-error.ts';
import { RequestHeaders } from '../s3-request.ts';
import { parseStorageClass, parseStoredHeaders, parseTaggingHeader } from './stored-headers.ts';

const h = (obj: Record<string, string>) => RequestHeaders.fromObject(obj);

function s3Error(fn: () => unknown): { status: number; code: string; message: string; fields: unknown } {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof S3Error, String(e));
    return { status: e.status, code: e.code, message: e.message, fields: e.fields };
  }
  assert.fail('expected an S3Error');
}

describe('parseStoredHeaders', () => {
  it('stores the system headers verbatim', () => {
    assert.deepEqual(
      parseStoredHeaders(h({
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Encoding': 'gzip',
        'Content-Disposition': 'attachment; filename="a b.txt"',
        'Content-Language': 'de-CH',
        'Cache-Control': 'max-age=60',
        Expires: 'Thu, 01 Dec 1994 16:00:00 GMT',
        'x-amz-website-redirect-location': '/other.html',
        'x-amz-meta-a': 'not a system header',
        'content-md5': '1B2M2Y8AsgTpgAmY7PhCfg==',
      })),
      {
        contentType: 'text/plain; charset=utf-8',
        contentEncoding: 'gzip',
        contentDisposition: 'attachment; filename="a b.txt"',
        contentLanguage: 'de-CH',
        cacheControl: 'max-age=60',
        expires: 'Thu, 01 Dec 1994 16:00:00 GMT',
        websiteRedirectLocation: '/other.html',
      },
    );
  });

  it('stores nothing it was not sent (the binary/octet-stream default is applied on read)', () => {
    assert.deepEqual(parseStoredHeaders(h({})), {});
  });

  it('drops aws-chunked from Content-Encoding', () => {
    assert.deepEqual(parseStoredHeaders(h({ 'content-encoding': 'aws-chunked' })), {});
    assert.deepEqual(parseStoredHeaders(h({ 'content-encoding': 'aws-chunked,gzip' })), { contentEncoding: 'gzip' });
    assert.deepEqual(parseStoredHeaders(h({ 'content-encoding': 'gzip, aws-chunked' })), { contentEncoding: 'gzip' });
  });
});

describe('parseStorageClass', () => {
  it('defaults to STANDARD', () => {
    assert.equal(parseStorageClass(h({})), 'STANDARD');
    assert.equal(parseStorageClass(h({ 'x-amz-storage-class': '' })), 'STANDARD');
  });

  it('accepts every S3 storage class as given', () => {
    for (const c of ['STANDARD', 'REDUCED_REDUNDANCY', 'STANDARD_IA', 'ONEZONE_IA', 'INTELLIGENT_TIERING', 'GLACIER', 'DEEP_ARCHIVE', 'OUTPOSTS', 'GLACIER_IR', 'SNOW', 'EXPRESS_ONEZONE']) {
      assert.equal(parseStorageClass(h({ 'x-amz-storage-class': c })), c);
    }
  });

  it('anything else → 400 InvalidStorageClass with StorageClassRequested', () => {
    for (const c of ['FOO', 'standard', 'STANDARD ', 'GLACIER-IR']) {
      assert.deepEqual(s3Error(() => parseStorageClass(h({ 'x-amz-storage-class': c }))), {
        status: 400, code: 'InvalidStorageClass', message: 'The storage class you specified is not valid',
        fields: [['StorageClassRequested', c]],
      });
    }
  });
});

describe('parseTaggingHeader', () => {
  const tags = (raw: string) => parseTaggingHeader(h({ 'x-amz-tagging': raw }));

  it('absent → undefined; empty → no tags', () => {
    assert.equal(parseTaggingHeader(h({})), undefined);
    assert.deepEqual(tags(''), []);
  });

  const rows: Array<[string, Array<[string, string]>]> = [
    ['k1=v1&k2=v2', [['k1', 'v1'], ['k2', 'v2']]],
    ['k1=v1&&k2=v2&', [['k1', 'v1'], ['k2', 'v2']]],
    ['project=blue+sky&team=a%20b', [['project', 'blue sky'], ['team', 'a b']]],
    ['k%3D=v%26w', [['k=', 'v&w']]],
    ['a%2Bb=c%2Bd', [['a+b', 'c+d']]],
    ['flag', [['flag', '']]],
    ['flag=', [['flag', '']]],
    ['expr=a=b', [['expr', 'a=b']]],
    ['caf%C3%A9=%F0%9F%98%80', [['caf\u00e9', '\u{1f600}']]],
  ];
  for (const [raw, expected] of rows) {
    it(`${raw} → ${JSON.stringify(expected)}`, () => assert.deepEqual(tags(raw), expected));
  }

  const invalid = (raw: string, message: string) => ({
    status: 400, code: 'InvalidArgument', message, fields: [['ArgumentName', 'x-amz-tagging'], ['ArgumentValue', raw]],
  });

  it('a duplicate tag key → 400 InvalidArgument with the header as ArgumentValue', () => {
    for (const raw of ['k=1&k=2', 'a=1&b=2&a=1', 'a+b=1&a%20b=2']) {
      assert.deepEqual(
        s3Error(() => tags(raw)),
        invalid(raw, "The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL query parameters without tag name duplicates."),
      );
    }
  });

  it('at most 10 tags', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `k${i}=v`).join('&');
    assert.equal(tags(ten)!.length, 10);
    const eleven = ten + '&k10=v';
    assert.deepEqual(s3Error(() => tags(eleven)), invalid(eleven, 'Object tags cannot be greater than 10'));
  });

  it('keys of 1–128 characters, values of up to 256 characters (code points, not UTF-16 units)', () => {
    assert.equal(tags(`${'k'.repeat(128)}=${'v'.repeat(256)}`)!.length, 1);
    assert.equal(tags(`${'%F0%9F%98%80'.repeat(128)}=${'%F0%9F%98%80'.repeat(256)}`)!.length, 1);
    for (const raw of [`${'k'.repeat(129)}=v`, '=v', `${'%F0%9F%98%80'.repeat(129)}=v`]) {
      assert.deepEqual(s3Error(() => tags(raw)), invalid(raw, 'The TagKey you have provided is invalid'));
    }
    const long = `k=${'v'.repeat(257)}`;
    assert.deepEqual(s3Error(() => tags(long)), invalid(long, 'The TagValue you have provided is invalid'));
  });
});
