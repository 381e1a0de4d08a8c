/**
 * Bucket and key from Host and path (../shared/spec/s3-core.md §1.1–1.2).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { S3Error } from '../s3/errors/s3-error.ts';
import { resolveAddressing } from './addressing.ts';

const AWS = ['s3.us-east-1.amazonaws.com'];

function invalidUri(fn: () => unknown): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof S3Error);
    assert.deepEqual(
      { status: e.status, code: e.code, message: e.message, fields: e.fields },
      { status: 400, code: 'InvalidURI', message: "Couldn't parse the specified URI.", fields: [] },
    );
    return true;
  });
}

describe('path style', () => {
  const rows: Array<[host: string, rawPath: string, bucket: string | undefined, key: string | undefined]> = [
    ['s3.us-east-1.amazonaws.com', '/', undefined, undefined],
    ['s3.us-east-1.amazonaws.com', '', undefined, undefined],
    ['127.0.0.1', '/', undefined, undefined],
    ['s3.us-east-1.amazonaws.com', '/bucket', 'bucket', undefined],
    ['s3.us-east-1.amazonaws.com', '/bucket/', 'bucket', undefined],
    ['127.0.0.1', '/bucket/key', 'bucket', 'key'],
    ['', '/bucket/key', 'bucket', 'key'],
    // Trailing and repeated slashes belong to the key; `a/`, `test key/`, `test key//` are distinct.
    ['s3.us-east-1.amazonaws.com', '/bucket/a/', 'bucket', 'a/'],
    ['s3.us-east-1.amazonaws.com', '/bucket/test%20key/', 'bucket', 'test key/'],
    ['s3.us-east-1.amazonaws.com', '/bucket/test%20key//', 'bucket', 'test key//'],
    ['s3.us-east-1.amazonaws.com', '/bucket//', 'bucket', '/'],
    ['s3.us-east-1.amazonaws.com', '/bucket//a//b', 'bucket', '/a//b'],
    ['s3.us-east-1.amazonaws.com', '/bucket/../x/./y', 'bucket', '../x/./y'],
    // `+` in the path is a space; `%2B` is a plus; `%25` a percent.
    ['s3.us-east-1.amazonaws.com', '/bucket/a+b', 'bucket', 'a b'],
    ['s3.us-east-1.amazonaws.com', '/bucket/a%2Bb', 'bucket', 'a+b'],
    ['s3.us-east-1.amazonaws.com', '/bucket/a%2bb', 'bucket', 'a+b'],
    ['s3.us-east-1.amazonaws.com', '/bucket/file%252Fname', 'bucket', 'file%2Fname'],
    ['s3.us-east-1.amazonaws.com', '/bucket/a%2Fb', 'bucket', 'a/b'],
    ['s3.us-east-1.amazonaws.com', '/bucket/%3Fq%3D1%26x', 'bucket', '?q=1&x'],
    // Percent-encoded UTF-8, and raw UTF-8 a client forgot to encode.
    ['s3.us-east-1.amazonaws.com', '/bucket/caf%C3%A9', 'bucket', 'caf\u00e9'],
    ['s3.us-east-1.amazonaws.com', '/bucket/%F0%9F%98%80.txt', 'bucket', '\u{1f600}.txt'],
    ['s3.us-east-1.amazonaws.com', '/bucket/test-unicode_%E2%80%94_file', 'bucket', 'test-unicode_\u2014_file'],
    ['s3.us-east-1.amazonaws.com', '/bucket/caf\u00e9/\u{1f600}', 'bucket', 'caf\u00e9/\u{1f600}'],
    // The bucket segment is decoded without the `+` rule.
    ['s3.us-east-1.amazonaws.com', '/my%2Dbucket/k', 'my-bucket', 'k'],
    ['s3.us-east-1.amazonaws.com', '/a+b/k', 'a+b', 'k'],
  ];
  for (const [host, rawPath, bucket, key] of rows) {
    it(`${host || '(no host)'} ${rawPath || '(empty)'} → ${bucket}, ${JSON.stringify(key)}`, () => {
      assert.deepEqual(resolveAddressing(host, rawPath, AWS), { bucket, key, style: 'path' });
    });
  }

  it('a host that merely ends with the domain, without a dot, is not virtual-hosted', () => {
    assert.deepEqual(resolveAddressing('xlocalhost', '/b/k', ['localhost']), { bucket: 'b', key: 'k', style: 'path' });
    assert.deepEqual(resolveAddressing('.localhost', '/b/k', ['localhost']), { bucket: 'b', key: 'k', style: 'path' });
  });

  it('malformed percent-encoding in the key or bucket → 400 InvalidURI', () => {
    for (const rawPath of ['/bucket/%zz', '/bucket/a%4', '/bucket/a%', '/bucket/%G0', '/b%zz/key', '/b%zz']) {
      invalidUri(() => resolveAddressing('s3.us-east-1.amazonaws.com', rawPath, AWS));
    }
  });
});

describe('virtual-hosted style', () => {
  const rows: Array<[host: string, rawPath: string, bucket: string, key: string | undefined]> = [
    ['bucket.s3.us-east-1.amazonaws.com', '/', 'bucket', undefined],
    ['bucket.s3.us-east-1.amazonaws.com', '', 'bucket', undefined],
    ['bucket.s3.us-east-1.amazonaws.com', '/key', 'bucket', 'key'],
    ['bucket.s3.us-east-1.amazonaws.com', '//', 'bucket', '/'],
    ['bucket.s3.us-east-1.amazonaws.com', '/a//b/', 'bucket', 'a//b/'],
    ['bucket.s3.us-east-1.amazonaws.com', '/other/key', 'bucket', 'other/key'],
    ['bucket.s3.us-east-1.amazonaws.com', '/a+b%2Bc', 'bucket', 'a b+c'],
    ['bucket.s3.us-east-1.amazonaws.com', '/caf%C3%A9', 'bucket', 'caf\u00e9'],
    // Labels before the service host make the bucket, dots and all.
    ['my.dotted.bucket.s3.us-east-1.amazonaws.com', '/k', 'my.dotted.bucket', 'k'],
  ];
  for (const [host, rawPath, bucket, key] of rows) {
    it(`${host} ${rawPath || '(empty)'} → ${bucket}, ${JSON.stringify(key)}`, () => {
      assert.deepEqual(resolveAddressing(host, rawPath, AWS), { bucket, key, style: 'virtual-host' });
    });
  }

  it('malformed percent-encoding in the key → 400 InvalidURI', () => {
    invalidUri(() => resolveAddressing('bucket.s3.us-east-1.amazonaws.com', '/%zz', AWS));
  });

  it('with several domains, each one is a service host', () => {
    const domains = ['localhost', 's3.example.com', 'storage.internal'];
    assert.deepEqual(resolveAddressing('b.localhost', '/k', domains), { bucket: 'b', key: 'k', style: 'virtual-host' });
    assert.deepEqual(resolveAddressing('b.s3.example.com', '/k', domains), { bucket: 'b', key: 'k', style: 'virtual-host' });
    assert.deepEqual(resolveAddressing('b.storage.internal', '/', domains), { bucket: 'b', key: undefined, style: 'virtual-host' });
    for (const host of ['localhost', 's3.example.com', 'storage.internal', 'other.example.org', '10.0.0.1']) {
      assert.deepEqual(resolveAddressing(host, '/b/k', domains), { bucket: 'b', key: 'k', style: 'path' }, host);
    }
  });

  it('when one service host ends with another, the host itself is path-style and the longer domain wins', () => {
    for (const domains of [['example.com', 's3.example.com'], ['s3.example.com', 'example.com']]) {
      assert.deepEqual(resolveAddressing('s3.example.com', '/b/k', domains), { bucket: 'b', key: 'k', style: 'path' }, String(domains));
      assert.deepEqual(resolveAddressing('b.s3.example.com', '/k', domains), { bucket: 'b', key: 'k', style: 'virtual-host' }, String(domains));
      assert.deepEqual(resolveAddressing('b.example.com', '/k', domains), { bucket: 'b', key: 'k', style: 'virtual-host' }, String(domains));
    }
  });
});
