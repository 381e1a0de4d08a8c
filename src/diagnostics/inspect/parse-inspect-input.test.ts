import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InspectInputError } from './inspect-request.ts';
import { parseInspectInput } from './parse-inspect-input.ts';

test('parseInspectInput: a URL, header lines, --header and --method', () => {
  assert.deepEqual(parseInspectInput(['https://b.s3.amazonaws.com/k?X-Amz-Date=1']), { method: 'GET', url: 'https://b.s3.amazonaws.com/k?X-Amz-Date=1', headers: [] });
  assert.deepEqual(parseInspectInput(['Authorization: AWS4-HMAC-SHA256 Credential=A/1/r/s3/aws4_request, SignedHeaders=host, Signature=x', 'http://h/k'], { method: 'put', headers: ['x-amz-date:20240101T000000Z'] }), {
    method: 'PUT',
    url: 'http://h/k',
    headers: [
      ['Authorization', 'AWS4-HMAC-SHA256 Credential=A/1/r/s3/aws4_request, SignedHeaders=host, Signature=x'],
      ['x-amz-date', '20240101T000000Z'],
    ],
  });
});

test('parseInspectInput: a pasted request (curl -v style) gives method, URL and headers; the body is ignored', () => {
  const pasted = ['> PUT /photos/a%20b.jpg?acl HTTP/1.1', '> Host: photos.s3.eu-west-1.amazonaws.com', '> Authorization: AWS AKIA:sig=', '> Content-Type: image/jpeg', '>', 'body bytes'].join('\n');
  assert.deepEqual(parseInspectInput([pasted]), {
    method: 'PUT',
    url: 'https://photos.s3.eu-west-1.amazonaws.com/photos/a%20b.jpg?acl',
    headers: [
      ['Host', 'photos.s3.eu-west-1.amazonaws.com'],
      ['Authorization', 'AWS AKIA:sig='],
      ['Content-Type', 'image/jpeg'],
    ],
  });
  assert.equal(parseInspectInput(['GET /k HTTP/1.1\nHost: 127.0.0.1:9000']).url, 'http://127.0.0.1:9000/k');
});

test('parseInspectInput: clear errors', () => {
  assert.throws(() => parseInspectInput([]), /nothing to inspect/);
  assert.throws(() => parseInspectInput(['s3://b/k']), (e: Error) => e instanceof InspectInputError && /not an http\(s\) URL \(an s3:\/\/ URI names an object/.test(e.message));
  assert.throws(() => parseInspectInput(['what']), /neither a URL .* nor a header line/);
  assert.throws(() => parseInspectInput(['http://a/', 'http://b/']), /more than one URL/);
});
