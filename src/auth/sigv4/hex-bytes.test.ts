import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hexBytes } from './hex-bytes.ts';

test('lower-case hex pairs separated by single spaces (errors.md §6)', () => {
  assert.equal(hexBytes('AWS4-HMAC-SHA256\n'), '41 57 53 34 2d 48 4d 41 43 2d 53 48 41 32 35 36 0a');
  assert.equal(hexBytes('GET\n'), '47 45 54 0a');
  assert.equal(hexBytes(''), '');
});
