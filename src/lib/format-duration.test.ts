import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeDuration, formatOffset } from './format-duration.ts';

test('formatOffset: what parseDuration reads back', () => {
  assert.deepEqual([0, 1_200_000, -3_600_000, 5_400_000, 90_000, 1500, 86_400_000].map(formatOffset), ['0', '+20m', '-1h', '+90m', '+90s', '+1500ms', '+1d']);
});

test('describeDuration: the two largest units', () => {
  assert.deepEqual([0, 999, 1000, 61_000, 3_600_000, 3_660_000, 90_061_000, -120_000].map(describeDuration), [
    '0 seconds',
    '0 seconds',
    '1 second',
    '1 minute 1 second',
    '1 hour',
    '1 hour 1 minute',
    '1 day 1 hour',
    '2 minutes',
  ]);
});
