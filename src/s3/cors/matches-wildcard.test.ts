/**
 * The one-`*` wildcard of AllowedOrigin and AllowedHeader (../shared/spec/s3-core.md §10.2):
 * the star matches any run of characters, empty included; the rest is anchored at both ends.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchesWildcard } from './matches-wildcard.ts';

const CASES: Array<[pattern: string, value: string, matches: boolean]> = [
  // no star: equality, case-sensitive
  ['http://www.example.com', 'http://www.example.com', true],
  ['http://www.example.com', 'http://www.example.com/', false],
  ['http://www.example.com', 'https://www.example.com', false],
  ['http://www.example.com', 'HTTP://WWW.EXAMPLE.COM', false],
  ['', '', true],
  // `*` alone: anything
  ['*', 'http://anything.example', true],
  ['*', '', true],
  ['*', 'null', true],
  // the spec's example
  ['http://*.origin.com', 'http://test.origin.com', true],
  ['http://*.origin.com', 'http://test.origin.com/', false],
  ['http://*.origin.com', 'http://a.b.origin.com', true],
  ['http://*.origin.com', 'http://.origin.com', true],
  ['http://*.origin.com', 'https://test.origin.com', false],
  ['http://*.origin.com', 'http://origin.com', false],
  ['http://*.origin.com', 'http://test.origin.com.evil.net', false],
  // prefix and suffix must not overlap
  ['ab*ba', 'aba', false],
  ['ab*ba', 'abba', true],
  // star at either end
  ['http://localhost:*', 'http://localhost:5173', true],
  ['http://localhost:*', 'http://localhost', false],
  ['*.example.com', 'https://app.example.com', true],
  ['*.example.com', 'https://example.com', false],
  // header-style patterns (callers lower-case both sides)
  ['x-amz-*', 'x-amz-date', true],
  ['x-amz-*', 'x-amz-', true],
  ['x-amz-*', 'content-type', false],
];

describe('matchesWildcard', () => {
  for (const [pattern, value, expected] of CASES) {
    it(`${JSON.stringify(pattern)} ${expected ? 'matches' : 'does not match'} ${JSON.stringify(value)}`, () => {
      assert.equal(matchesWildcard(pattern, value), expected);
    });
  }
});
