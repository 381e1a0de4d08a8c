import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ObjectUrlError, objectUrl, parseS3Uri } from './object-url.ts';

test('objectUrl: AWS regional endpoint, virtual-hosted where the bucket name allows', () => {
  assert.deepEqual(objectUrl({ bucket: 'photos', key: 'a b/c+d.jpg', region: 'eu-west-1' }), {
    origin: 'https://photos.s3.eu-west-1.amazonaws.com',
    host: 'photos.s3.eu-west-1.amazonaws.com',
    rawPath: '/a%20b/c%2Bd.jpg',
    addressing: 'virtual-host',
    bucket: 'photos',
    key: 'a b/c+d.jpg',
  });
  // Dotted names do not match the wildcard certificate; invalid DNS names cannot be hosts at all.
  assert.equal(objectUrl({ bucket: 'my.photos', key: 'k', region: 'us-east-1' }).rawPath, '/my.photos/k');
  assert.equal(objectUrl({ bucket: 'My_Photos', key: 'k', region: 'us-east-1' }).host, 's3.us-east-1.amazonaws.com');
  assert.equal(objectUrl({ bucket: 'photos', key: 'k', region: 'us-east-1', pathStyle: true }).origin, 'https://s3.us-east-1.amazonaws.com');
  assert.equal(objectUrl({ bucket: 'photos', key: 'k', region: 'cn-north-1' }).host, 'photos.s3.cn-north-1.amazonaws.com.cn');
});

test('objectUrl: other endpoints get path style and keep their port', () => {
  const t = objectUrl({ bucket: 'photos', key: 'ü', region: 'us-east-1', endpoint: 'http://127.0.0.1:9000' });
  assert.deepEqual([t.origin, t.host, t.rawPath, t.addressing], ['http://127.0.0.1:9000', '127.0.0.1:9000', '/photos/%C3%BC', 'path']);
  assert.equal(objectUrl({ bucket: 'photos', key: '', region: 'us-east-1', endpoint: 'http://localhost:9000/' }).rawPath, '/photos/');
});

test('objectUrl and parseS3Uri: clear errors', () => {
  assert.throws(() => objectUrl({ bucket: 'b', key: 'k', region: 'r', endpoint: 'localhost:9000' }), ObjectUrlError);
  assert.throws(() => objectUrl({ bucket: 'b', key: 'k', region: 'r', endpoint: 'ftp://x' }), /must start with http/);
  assert.throws(() => objectUrl({ bucket: 'b', key: 'k', region: 'r', endpoint: 'http://x/prefix' }), /without a path/);
  assert.deepEqual(parseS3Uri('s3://b/dir/key with space'), { bucket: 'b', key: 'dir/key with space' });
  assert.deepEqual(parseS3Uri('s3://b'), { bucket: 'b', key: '' });
  assert.throws(() => parseS3Uri('https://b/k'), /not an s3:\/\/bucket\/key URI/);
});
