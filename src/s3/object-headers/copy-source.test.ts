/**
 * x-amz-copy-source and the copy-source preconditions (../shared/spec/s3-core.md §5.3, §1.2).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { S3Error } from '../errors/s3-error.ts';
import { RequestHeaders } from '../s3-request.ts';
import { checkCopySourceConditions, parseCopySource } from './copy-source.ts';

describe('parseCopySource', () => {
  const rows: Array<[header: string, bucket: string, key: string, versionId: string | undefined]> = [
    ['srcbucket/key', 'srcbucket', 'key', undefined],
    ['/srcbucket/key', 'srcbucket', 'key', undefined],
    ['/srcbucket/dir/sub/file.txt', 'srcbucket', 'dir/sub/file.txt', undefined],
    ['srcbucket/a/', 'srcbucket', 'a/', undefined],
    ['srcbucket//x', 'srcbucket', '/x', undefined],
    ['srcbucket/key?versionId=3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY', 'srcbucket', 'key', '3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY'],
    ['/srcbucket/key?versionId=null', 'srcbucket', 'key', 'null'],
    ['srcbucket/key?versionId=a%2Bb', 'srcbucket', 'key', 'a+b'],
    ['srcbucket/key?other=1&versionId=v2', 'srcbucket', 'key', 'v2'],
    // URL-encoded keys; `+` is a space, `%2B` a plus, as in paths.
    ['srcbucket/test%20key', 'srcbucket', 'test key', undefined],
    ['srcbucket/a+b', 'srcbucket', 'a b', undefined],
    ['srcbucket/a%2Bb', 'srcbucket', 'a+b', undefined],
    ['srcbucket/file%252Fname', 'srcbucket', 'file%2Fname', undefined],
    ['srcbucket/dir%2Ffile', 'srcbucket', 'dir/file', undefined],
    ['srcbucket/caf%C3%A9%20%F0%9F%98%80', 'srcbucket', 'caf\u00e9 \u{1f600}', undefined],
    ['srcbucket/what%3F.txt?versionId=v', 'srcbucket', 'what?.txt', 'v'],
  ];
  for (const [header, bucket, key, versionId] of rows) {
    it(`${header} → ${bucket} / ${JSON.stringify(key)}${versionId ? ' @' + versionId : ''}`, () => {
      assert.deepEqual(parseCopySource(header), { bucket, key, versionId });
    });
  }

  it('no key after the bucket → 400 InvalidArgument, ArgumentName and ArgumentValue both x-amz-copy-source', () => {
    for (const header of ['srcbucket', '/srcbucket', 'srcbucket/', '/srcbucket/', '/', '', '/key-only?versionId=v', '/%zz/key', 'b/%zz']) {
      assert.throws(
        () => parseCopySource(header),
        (e: unknown) => {
          assert.ok(e instanceof S3Error);
          assert.deepEqual(
            { status: e.status, code: e.code, message: e.message, fields: e.fields },
            {
              status: 400, code: 'InvalidArgument', message: 'Invalid copy source object key',
              fields: [['ArgumentName', 'x-amz-copy-source'], ['ArgumentValue', 'x-amz-copy-source']],
            },
          );
          return true;
        },
        JSON.stringify(header),
      );
    }
  });
});

const ETAG = '9b2cf535f27731c974343645a3985328';
const OTHER = '00000000000000000000000000000000';
const source = { etag: ETAG, lastModified: Date.UTC(2025, 0, 2, 12, 0, 0, 750) };
const NOW = Date.UTC(2025, 0, 3);
const AT = 'Thu, 02 Jan 2025 12:00:00 GMT';
const BEFORE = 'Thu, 02 Jan 2025 11:59:59 GMT';
const AFTER = 'Thu, 02 Jan 2025 12:00:01 GMT';
const FUTURE = 'Sat, 04 Jan 2025 00:00:00 GMT';

/** 'ok', or the Condition of the 412. Never 304 (§5.3). */
function outcome(headers: Record<string, string>): string {
  try {
    checkCopySourceConditions(RequestHeaders.fromObject(headers), source, NOW);
    return 'ok';
  } catch (e) {
    assert.ok(e instanceof S3Error);
    assert.deepEqual(
      { status: e.status, code: e.code, message: e.message },
      { status: 412, code: 'PreconditionFailed', message: 'At least one of the pre-conditions you specified did not hold' },
    );
    assert.equal(e.fields.length, 1);
    assert.equal(e.fields[0]![0], 'Condition');
    return e.fields[0]![1];
  }
}

describe('checkCopySourceConditions (§5.3)', () => {
  const rows: Array<[Record<string, string>, string]> = [
    [{}, 'ok'],
    [{ 'x-amz-copy-source-if-match': `"${ETAG}"` }, 'ok'],
    [{ 'x-amz-copy-source-if-match': ETAG }, 'ok'], // unquoted
    [{ 'x-amz-copy-source-if-match': OTHER }, 'x-amz-copy-source-If-Match'],
    [{ 'x-amz-copy-source-if-unmodified-since': AT }, 'ok'],
    [{ 'x-amz-copy-source-if-unmodified-since': BEFORE }, 'x-amz-copy-source-If-Unmodified-Since'],
    [{ 'x-amz-copy-source-if-none-match': `"${OTHER}"` }, 'ok'],
    [{ 'x-amz-copy-source-if-none-match': `"${ETAG}"` }, 'x-amz-copy-source-If-None-Match'],
    [{ 'x-amz-copy-source-if-none-match': ETAG }, 'x-amz-copy-source-If-None-Match'],
    [{ 'x-amz-copy-source-if-modified-since': BEFORE }, 'ok'],
    [{ 'x-amz-copy-source-if-modified-since': AT }, 'x-amz-copy-source-If-Modified-Since'], // LastModified ≤ date
    [{ 'x-amz-copy-source-if-modified-since': AFTER }, 'x-amz-copy-source-If-Modified-Since'],
    [{ 'x-amz-copy-source-if-modified-since': FUTURE }, 'ok'], // future: ignored
    // The destination's conditions are not the source's.
    [{ 'if-match': OTHER, 'if-none-match': ETAG, 'if-modified-since': AT }, 'ok'],
  ];
  for (const [headers, expected] of rows) {
    it(`${JSON.stringify(headers)} → ${expected}`, () => assert.equal(outcome(headers), expected));
  }

  it('checks in order: If-Match, If-Unmodified-Since, If-None-Match, If-Modified-Since', () => {
    const all = {
      'x-amz-copy-source-if-match': OTHER,
      'x-amz-copy-source-if-unmodified-since': BEFORE,
      'x-amz-copy-source-if-none-match': ETAG,
      'x-amz-copy-source-if-modified-since': AT,
    };
    assert.equal(outcome(all), 'x-amz-copy-source-If-Match');
    const { 'x-amz-copy-source-if-match': _m, ...rest1 } = all;
    assert.equal(outcome(rest1), 'x-amz-copy-source-If-Unmodified-Since');
    const { 'x-amz-copy-source-if-unmodified-since': _u, ...rest2 } = rest1;
    assert.equal(outcome(rest2), 'x-amz-copy-source-If-None-Match');
  });

  it('a true If-Match overrides a false If-Unmodified-Since (AWS CopyObject docs)', () => {
    assert.equal(outcome({ 'x-amz-copy-source-if-match': ETAG, 'x-amz-copy-source-if-unmodified-since': BEFORE }), 'ok');
  });
});
