import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalQueryString } from './canonical-query-string.ts';

test('sorted by encoded name, then value; every name keeps its = (sigv4.md §2.3)', () => {
  const cases: Array<[string, string]> = [
    ['', ''],
    ['acl', 'acl='],
    ['lifecycle', 'lifecycle='],
    ['prefix=somePrefix&marker=someMarker&max-keys=20', 'marker=someMarker&max-keys=20&prefix=somePrefix'],
    ['max-keys=2&prefix=J', 'max-keys=2&prefix=J'],
    ['prefix=a&X-Amz-Algorithm=x', 'X-Amz-Algorithm=x&prefix=a'],
    ['a=2&a=1&a=', 'a=&a=1&a=2'],
    ['Param-3=Value3&Param=Value2&%E1%88%B4=Value1', '%E1%88%B4=Value1&Param=Value2&Param-3=Value3'],
    ['a-b=1&a=2', 'a=2&a-b=1'],
    ['&&a=1&&', 'a=1'],
    ['uploads=', 'uploads='],
  ];
  for (const [raw, expected] of cases) assert.equal(canonicalQueryString(raw), expected, raw);
});

test('values are decoded and re-encoded: / and = encoded, + is a space, hex upper-case', () => {
  assert.equal(canonicalQueryString('prefix=a/b&delimiter=/'), 'delimiter=%2F&prefix=a%2Fb');
  assert.equal(canonicalQueryString('prefix=a%2fb'), 'prefix=a%2Fb');
  assert.equal(canonicalQueryString('x=a=b'), 'x=a%3Db');
  assert.equal(canonicalQueryString('prefix=a+b'), 'prefix=a%20b');
  assert.equal(canonicalQueryString('prefix=a%2Bb'), 'prefix=a%2Bb');
  assert.equal(canonicalQueryString('k=%7e'), 'k=~');
});

test('presigned requests leave X-Amz-Signature out (sigv4.md §4.2)', () => {
  assert.equal(
    canonicalQueryString('X-Amz-Date=1&X-Amz-Signature=abc&X-Amz-Expires=2', { exclude: 'X-Amz-Signature' }),
    'X-Amz-Date=1&X-Amz-Expires=2',
  );
  assert.equal(canonicalQueryString('X-Amz-Signature=abc', { exclude: 'X-Amz-Signature' }), '');
  assert.equal(canonicalQueryString('X-Amz-Signature=abc'), 'X-Amz-Signature=abc');
});
