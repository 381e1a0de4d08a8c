import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalRequest } from './canonical-request.ts';

test('six lines, with the empty line after the header block (sigv4.md §1, §4.4)', () => {
  assert.equal(
    canonicalRequest({
      method: 'GET',
      canonicalUri: '/test.txt',
      canonicalQuery:
        'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host',
      canonicalHeaders: 'host:examplebucket.s3.amazonaws.com\n',
      signedHeaders: 'host',
      payloadHash: 'UNSIGNED-PAYLOAD',
    }),
    'GET\n/test.txt\nX-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host\nhost:examplebucket.s3.amazonaws.com\n\nhost\nUNSIGNED-PAYLOAD',
  );
});
