import { test } from 'node:test';
import assert from 'node:assert/strict';
import { s3CanonicalUri } from './s3-canonical-uri.ts';

test('S3 signs the path once-encoded, exactly as sent, without normalisation (sigv4.md §2.2)', () => {
  const cases: Array<[string, string]> = [
    ['', '/'],
    ['/', '/'],
    ['/test.txt', '/test.txt'],
    ['/test$file.text', '/test%24file.text'],
    ['/photos/Jan/sample.jpg', '/photos/Jan/sample.jpg'],
    ['/a%20b%2Bc', '/a%20b%2Bc'],
    ['/a b+c', '/a%20b%2Bc'],
    ['/a//b/./c/../d', '/a//b/./c/../d'],
    ['/my-object//example//photo.user', '/my-object//example//photo.user'],
    ['/dir/', '/dir/'],
    ['/examplebucket/chunkObject.txt', '/examplebucket/chunkObject.txt'],
    ['/%E1%88%B4', '/%E1%88%B4'],
  ];
  for (const [raw, expected] of cases) assert.equal(s3CanonicalUri(raw), expected, raw);
});
