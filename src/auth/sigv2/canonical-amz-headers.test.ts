import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RequestHeaders } from '../../s3/s3-request.ts';
import { canonicalAmzHeaders } from './canonical-amz-headers.ts';

const h = (entries: Record<string, string | string[]>) => RequestHeaders.fromObject(entries);

test('AWS upload-with-metadata example: lower-cased, sorted, repeats merged, folding undone (§1.3, §1.5)', () => {
  const headers = h({
    'x-amz-acl': 'public-read',
    'X-Amz-Meta-ReviewedBy': ['joe@example.com', 'jane@example.com'],
    'X-Amz-Meta-FileChecksum': '0x02661779',
    'X-Amz-Meta-ChecksumAlgorithm': 'crc32',
    'Content-Type': 'application/x-download',
    'Content-MD5': '4gJE4saaMU4BqNR0kLY+lw==',
  });
  assert.equal(
    canonicalAmzHeaders(headers),
    'x-amz-acl:public-read\nx-amz-meta-checksumalgorithm:crc32\nx-amz-meta-filechecksum:0x02661779\nx-amz-meta-reviewedby:joe@example.com,jane@example.com\n',
  );
});

test('values trimmed, folded lines unfolded to one space, inner spaces kept', () => {
  assert.equal(canonicalAmzHeaders(h({ 'x-amz-meta-a': '  one  two ', 'x-amz-meta-b': ['x ', ' y'] })), 'x-amz-meta-a:one  two\nx-amz-meta-b:x,y\n');
  assert.equal(canonicalAmzHeaders(h({ 'x-amz-meta-folded': 'first\r\n  second' })), 'x-amz-meta-folded:first second\n');
});

test('no x-amz- headers: empty; other headers never count', () => {
  assert.equal(canonicalAmzHeaders(h({ date: 'x', 'content-type': 'y', 'x-amzfoo': 'z', 'amz-x': 'w' })), '');
});

test('x-amz-date and x-amz-security-token are amz headers like any other; `omit` leaves one out', () => {
  const headers = h({ 'x-amz-date': 'Tue, 27 Mar 2007 21:20:26 +0000', 'x-amz-security-token': 'TOKEN' });
  assert.equal(canonicalAmzHeaders(headers), 'x-amz-date:Tue, 27 Mar 2007 21:20:26 +0000\nx-amz-security-token:TOKEN\n');
  assert.equal(canonicalAmzHeaders(headers, { omit: 'x-amz-date' }), 'x-amz-security-token:TOKEN\n');
});

test('query form: x-amz-* parameters join the headers (names lower-cased, merged after header values)', () => {
  assert.equal(
    canonicalAmzHeaders(h({ 'x-amz-meta-a': 'h' }), {
      fromQuery: [['x-amz-security-token', 'TOKEN'], ['X-Amz-Meta-A', 'q'], ['prefix', 'p']],
    }),
    'x-amz-meta-a:h,q\nx-amz-security-token:TOKEN\n',
  );
});
