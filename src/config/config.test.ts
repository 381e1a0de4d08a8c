import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, DEFAULTS, parseDuration } from './config.ts';

describe('parseDuration', () => {
  const rows: Array<[string, number]> = [
    ['900000', 900_000], // bare number = milliseconds
    ['0', 0],
    ['250ms', 250],
    ['90s', 90_000],
    ['15m', 900_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    ['1.5s', 1_500],
    ['0.5m', 30_000],
    ['-2h', -7_200_000], // clock offsets may be negative
    ['+5m', 300_000],
    [' 15m ', 900_000],
    ['0.0004s', 0], // rounded to whole milliseconds
    ['1.0006s', 1_001],
  ];
  for (const [text, ms] of rows) {
    it(`${JSON.stringify(text)} → ${ms} ms`, () => assert.equal(parseDuration(text, '--max-skew'), ms));
  }

  it('the defaults parse to 15 minutes, 0 and 10 seconds', () => {
    assert.equal(parseDuration(DEFAULTS.maxSkew, 'x'), 900_000);
    assert.equal(parseDuration(DEFAULTS.clockOffset, 'x'), 0);
    assert.equal(parseDuration(DEFAULTS.shutdownGrace, 'x'), 10_000);
  });

  it('anything else → ConfigError naming the setting and quoting the text', () => {
    for (const text of ['', 'abc', '15 m', '15M', '1h30m', '1.s', '.5s', 's', '--1', '1e3', '15min', '1 5s']) {
      assert.throws(
        () => parseDuration(text, '--max-skew / COFFER_MAX_SKEW'),
        (e: unknown) => {
          assert.ok(e instanceof ConfigError);
          assert.equal(e.name, 'ConfigError');
          assert.equal(e.message, `--max-skew / COFFER_MAX_SKEW: ${JSON.stringify(text)} is not a duration (examples: 900000, 90s, 15m, -2h)`);
          return true;
        },
        JSON.stringify(text),
      );
    }
  });
});
