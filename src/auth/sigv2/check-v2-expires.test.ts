import { test } from 'node:test';
import assert from 'node:assert/strict';
import { S3Error } from '../../s3/errors/s3-error.ts';
import { checkV2Expires } from './check-v2-expires.ts';

const EXPIRES = 1175139620_000;

test('before Expires: fine, however long before (no upper bound, no skew rule)', () => {
  checkV2Expires(EXPIRES, EXPIRES - 1);
  checkV2Expires(EXPIRES, 0);
  checkV2Expires(253402300799_000, EXPIRES);
});

test('at or after Expires: 403 AccessDenied "Request has expired" with Expires and ServerTime, no X-Amz-Expires', () => {
  for (const now of [EXPIRES, EXPIRES + 61_000]) {
    assert.throws(
      () => checkV2Expires(EXPIRES, now),
      (e: unknown) => {
        assert.ok(e instanceof S3Error);
        assert.deepEqual([e.status, e.code, e.message, e.fields], [
          403,
          'AccessDenied',
          'Request has expired',
          [
            ['Expires', '2007-03-29T03:40:20Z'],
            ['ServerTime', new Date(now).toISOString().slice(0, 19) + 'Z'],
          ],
        ]);
        return true;
      },
    );
  }
});
