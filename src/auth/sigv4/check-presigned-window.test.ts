import { test } from 'node:test';
import assert from 'node:assert/strict';
import { S3Error } from '../../s3/errors/s3-error.ts';
import { checkPresignedWindow } from './check-presigned-window.ts';

const T0 = Date.UTC(2013, 4, 24);
const SKEW = 900_000;

function denied(fn: () => void, message: string, fields: Array<[string, string]>) {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof S3Error);
    assert.deepEqual([e.status, e.code, e.message, e.fields], [403, 'AccessDenied', message, fields]);
    return true;
  });
}

test('valid from X-Amz-Date (less the skew) until X-Amz-Date + X-Amz-Expires', () => {
  checkPresignedWindow({ signedAt: T0, expiresSeconds: 60 }, T0, SKEW);
  checkPresignedWindow({ signedAt: T0, expiresSeconds: 60 }, T0 + 59_999, SKEW);
  checkPresignedWindow({ signedAt: T0 + SKEW, expiresSeconds: 60 }, T0, SKEW);
  // No 15-minute rule for presigned URLs: six days old is fine for a seven-day URL.
  checkPresignedWindow({ signedAt: T0, expiresSeconds: 604800 }, T0 + 6 * 86_400_000, SKEW);
});

test('expired: X-Amz-Expires, Expires, ServerTime (errors.md §2.1)', () => {
  denied(() => checkPresignedWindow({ signedAt: T0, expiresSeconds: 60 }, T0 + 65_000, SKEW), 'Request has expired', [
    ['X-Amz-Expires', '60'],
    ['Expires', '2013-05-24T00:01:00Z'],
    ['ServerTime', '2013-05-24T00:01:05Z'],
  ]);
  denied(() => checkPresignedWindow({ signedAt: T0, expiresSeconds: 0 }, T0, SKEW), 'Request has expired', [
    ['X-Amz-Expires', '0'],
    ['Expires', '2013-05-24T00:00:00Z'],
    ['ServerTime', '2013-05-24T00:00:00Z'],
  ]);
  denied(() => checkPresignedWindow({ signedAt: 0, expiresSeconds: 3600 }, T0, SKEW), 'Request has expired', [
    ['X-Amz-Expires', '3600'],
    ['Expires', '1970-01-01T01:00:00Z'],
    ['ServerTime', '2013-05-24T00:00:00Z'],
  ]);
});

test('not yet valid: X-Amz-Date in epoch milliseconds, Expires, ServerTime (errors.md §2.2)', () => {
  const signedAt = T0 + SKEW + 1000;
  denied(() => checkPresignedWindow({ signedAt, expiresSeconds: 3600 }, T0, SKEW), 'Request is not yet valid', [
    ['X-Amz-Date', String(signedAt)],
    ['Expires', '2013-05-24T01:15:01Z'],
    ['ServerTime', '2013-05-24T00:00:00Z'],
  ]);
});
