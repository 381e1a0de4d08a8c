import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RequestHeaders } from '../../s3/s3-request.ts';
import { canonicalHeaders } from './canonical-headers.ts';

const headers = new RequestHeaders(
  new Map([
    ['host', ['examplebucket.s3.amazonaws.com']],
    ['my-header1', ['value4', ' value1 ', 'value3']],
    ['content-type', ['']],
    ['x-amz-meta-x', ['a   b']],
  ]),
);

test('signed headers in the listed order; repeated values joined with , after trimall', () => {
  assert.deepEqual(canonicalHeaders(headers, 'host;my-header1;x-amz-meta-x'), {
    text: 'host:examplebucket.s3.amazonaws.com\nmy-header1:value4,value1,value3\nx-amz-meta-x:a b\n',
    missing: false,
  });
});

test('an empty value is signed as `name:`', () => {
  assert.deepEqual(canonicalHeaders(headers, 'content-type'), { text: 'content-type:\n', missing: false });
});

test('a signed header the request lacks is flagged so the signature fails (sigv4.md §2.4)', () => {
  assert.deepEqual(canonicalHeaders(headers, 'host;range'), { text: 'host:examplebucket.s3.amazonaws.com\nrange:\n', missing: true });
});
