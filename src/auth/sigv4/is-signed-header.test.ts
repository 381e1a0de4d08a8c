import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSignedHeader } from './is-signed-header.ts';

test('whole names only, anywhere in the list', () => {
  const list = 'host;x-amz-date;x-amz-meta-a;x-amz-meta-ab';
  for (const name of ['host', 'x-amz-date', 'x-amz-meta-a', 'x-amz-meta-ab']) assert.equal(isSignedHeader(list, name), true, name);
  for (const name of ['hos', 'ost', 'x-amz', 'x-amz-meta', 'x-amz-meta-b', 'date', 'x-amz-meta-abc']) assert.equal(isSignedHeader(list, name), false, name);
  assert.equal(isSignedHeader('', 'host'), false);
  assert.equal(isSignedHeader('host', 'host'), true);
});
