import { test } from 'node:test';
import assert from 'node:assert/strict';
import { S3Error } from '../../s3/errors/s3-error.ts';
import { checkClockSkew } from './check-clock-skew.ts';

const T0 = Date.UTC(2013, 4, 24);
const at = (ms: number, raw = 'raw') => ({ raw, ms, amzDate: '' });

test('within ±maxSkew (inclusive) passes', () => {
  checkClockSkew(at(T0 + 900_000), T0, 900_000);
  checkClockSkew(at(T0 - 900_000), T0, 900_000);
});

test('beyond it, either way: 403 RequestTimeTooSkewed with the raw time, server time and the limit', () => {
  for (const ms of [T0 + 900_001, T0 - 20 * 60_000]) {
    assert.throws(
      () => checkClockSkew(at(ms, '20130524T002000Z'), T0, 900_000),
      (e: unknown) => {
        assert.ok(e instanceof S3Error);
        assert.equal(e.status, 403);
        assert.equal(e.code, 'RequestTimeTooSkewed');
        assert.equal(e.message, 'The difference between the request time and the current time is too large.');
        assert.deepEqual(e.fields, [
          ['RequestTime', '20130524T002000Z'],
          ['ServerTime', '2013-05-24T00:00:00Z'],
          ['MaxAllowedSkewMilliseconds', '900000'],
        ]);
        return true;
      },
    );
  }
});
