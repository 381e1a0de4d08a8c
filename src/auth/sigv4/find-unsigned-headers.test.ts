import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RequestHeaders } from '../../s3/s3-request.ts';
import { findUnsignedHeaders } from './find-unsigned-headers.ts';

const headers = RequestHeaders.fromObject({
  host: 'h',
  'x-amz-meta-foo': 'a',
  'x-amz-acl': 'private',
  'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
  'user-agent': 'ua',
});

test('host and every x-amz-* header except x-amz-content-sha256 must be signed; sorted', () => {
  assert.deepEqual(findUnsignedHeaders(headers, 'host', { amzHeaders: true }), ['x-amz-acl', 'x-amz-meta-foo']);
  assert.deepEqual(findUnsignedHeaders(headers, 'host;x-amz-acl;x-amz-meta-foo', { amzHeaders: true }), []);
  assert.deepEqual(findUnsignedHeaders(headers, 'x-amz-acl;x-amz-meta-foo', { amzHeaders: true }), ['host']);
  assert.deepEqual(findUnsignedHeaders(headers, '', { amzHeaders: true }), ['host', 'x-amz-acl', 'x-amz-meta-foo']);
  assert.deepEqual(findUnsignedHeaders(headers, 'host;x-amz-meta-fo;x-amz-acl', { amzHeaders: true }), ['x-amz-meta-foo']);
});

test('outside S3 only host is required', () => {
  assert.deepEqual(findUnsignedHeaders(headers, 'host', { amzHeaders: false }), []);
  assert.deepEqual(findUnsignedHeaders(headers, '', { amzHeaders: false }), ['host']);
});
