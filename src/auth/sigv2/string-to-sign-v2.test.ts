import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RequestHeaders } from '../../s3/s3-request.ts';
import { positionalLines, stringToSignV2 } from './string-to-sign-v2.ts';

test('Verb, Content-MD5, Content-Type, Date lines, then the amz headers (own newlines) and the resource (§1.1)', () => {
  assert.equal(
    stringToSignV2({ method: 'PUT', contentMd5: 'md5', contentType: 'image/jpeg', dateLine: 'D', amzHeaders: 'x-amz-acl:private\n', resource: '/b/k' }),
    'PUT\nmd5\nimage/jpeg\nD\nx-amz-acl:private\n/b/k',
  );
  assert.equal(
    stringToSignV2({ method: 'GET', contentMd5: '', contentType: '', dateLine: '1175139620', amzHeaders: '', resource: '/b/k' }),
    'GET\n\n\n1175139620\n/b/k',
  );
});

test('positional lines: the trimmed header value only, empty when absent', () => {
  assert.deepEqual(positionalLines(RequestHeaders.fromObject({ 'content-type': ' text/plain ', 'content-md5': 'abc==' })), {
    contentMd5: 'abc==',
    contentType: 'text/plain',
  });
  assert.deepEqual(positionalLines(RequestHeaders.fromObject({})), { contentMd5: '', contentType: '' });
});
