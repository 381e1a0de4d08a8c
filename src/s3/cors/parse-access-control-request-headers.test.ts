/**
 * Access-Control-Request-Headers → lower-cased names (../shared/spec/s3-core.md §10.2, §10.3).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAccessControlRequestHeaders } from './parse-access-control-request-headers.ts';

const CASES: Array<[value: string | undefined, names: string[]]> = [
  [undefined, []],
  ['', []],
  ['content-type', ['content-type']],
  ['content-type,x-amz-date', ['content-type', 'x-amz-date']], // Chrome: no spaces
  ['Content-Type, X-Amz-Date', ['content-type', 'x-amz-date']], // case and spaces
  ['  authorization ,, x-amz-content-sha256 ,', ['authorization', 'x-amz-content-sha256']],
];

describe('parseAccessControlRequestHeaders', () => {
  for (const [value, names] of CASES) {
    it(`${JSON.stringify(value)} → ${JSON.stringify(names)}`, () => {
      assert.deepEqual(parseAccessControlRequestHeaders(value), names);
    });
  }
});
