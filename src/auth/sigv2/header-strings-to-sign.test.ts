import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headerStringsToSign } from './header-strings-to-sign.ts';
import { v2Request } from './testing/v2-fixture.ts';

const DATE = 'Tue, 27 Mar 2007 21:20:27 +0000';
const AMZ = 'Tue, 27 Mar 2007 21:20:26 +0000';

test('without x-amz-date: one string, the Date header on the Date line', () => {
  assert.deepEqual(headerStringsToSign(v2Request({ method: 'HEAD', target: '/b/k', headers: { Host: 'h', Date: ` ${DATE} ` } })), [
    `HEAD\n\n\n${DATE}\n/b/k`,
  ]);
});

test('no date at all still yields a string (an empty Date line): the time check refuses it before', () => {
  assert.deepEqual(headerStringsToSign(v2Request({ target: '/', headers: { Host: 'h' } })), ['GET\n\n\n\n/']);
});

test('x-amz-date only (s3cmd): documented form first, then the value on the Date line without its amz line', () => {
  const req = v2Request({ method: 'PUT', target: '/b/k?acl', headers: { Host: 'h', 'x-amz-date': AMZ, 'x-amz-acl': 'private', 'Content-Type': 'text/plain' } });
  assert.deepEqual(headerStringsToSign(req), [
    `PUT\n\ntext/plain\n\nx-amz-acl:private\nx-amz-date:${AMZ}\n/b/k?acl`,
    `PUT\n\ntext/plain\n${AMZ}\nx-amz-acl:private\n/b/k?acl`,
  ]);
});

test('x-amz-date and Date: a third form, MinIO’s, with the Date header on the Date line', () => {
  const req = v2Request({ target: '/b/k', headers: { Host: 'h', Date: DATE, 'x-amz-date': AMZ } });
  assert.deepEqual(headerStringsToSign(req), [
    `GET\n\n\n\nx-amz-date:${AMZ}\n/b/k`,
    `GET\n\n\n${AMZ}\n/b/k`,
    `GET\n\n\n${DATE}\nx-amz-date:${AMZ}\n/b/k`,
  ]);
});
