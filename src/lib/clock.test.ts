import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AdjustableClock, ManualClock } from './clock.ts';

test('AdjustableClock: the base clock plus an offset that can be moved', () => {
  const base = new ManualClock(1_000_000);
  const clock = new AdjustableClock(base, 60_000);
  assert.equal(clock.now(), 1_060_000);
  clock.offsetMs = -30_000;
  assert.equal(clock.now(), 970_000);
  base.advance(5000);
  assert.equal(clock.now(), 975_000);
  assert.equal(clock.offsetMs, -30_000);
  assert.throws(() => (clock.offsetMs = Number.NaN), RangeError);
});
