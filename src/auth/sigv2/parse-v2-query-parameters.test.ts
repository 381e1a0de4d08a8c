import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QueryParams } from '../../s3/s3-request.ts';
import { S3Error } from '../../s3/errors/s3-error.ts';
import { parseV2QueryParameters } from './parse-v2-query-parameters.ts';

const q = (pairs: Array<[string, string]>) => new QueryParams(pairs);
const ALL: Array<[string, string]> = [['AWSAccessKeyId', 'AKID'], ['Expires', '1175139620'], ['Signature', 'a+b/c=']];

test('the three parameters, Expires as epoch seconds', () => {
  assert.deepEqual(parseV2QueryParameters(q(ALL)), {
    accessKeyId: 'AKID',
    signature: 'a+b/c=',
    expires: '1175139620',
    expiresAt: 1175139620_000,
    sessionToken: undefined,
  });
});

test('the session token from x-amz-security-token (any case)', () => {
  assert.equal(parseV2QueryParameters(q([...ALL, ['x-amz-security-token', 'T1']])).sessionToken, 'T1');
  assert.equal(parseV2QueryParameters(q([...ALL, ['X-Amz-Security-Token', 'T2']])).sessionToken, 'T2');
});

test('some but not all → 403 AccessDenied "Query-string authentication requires…" (errors.md §3)', () => {
  for (let mask = 1; mask < 7; mask++) {
    const pairs = ALL.filter((_, i) => (mask & (1 << i)) !== 0);
    assert.throws(
      () => parseV2QueryParameters(q(pairs)),
      (e: unknown) => {
        assert.ok(e instanceof S3Error);
        assert.deepEqual([e.status, e.code, e.message, e.fields], [
          403,
          'AccessDenied',
          'Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters',
          [],
        ]);
        return true;
      },
    );
  }
});

test('names are case-sensitive: `expires` is not Expires', () => {
  assert.throws(() => parseV2QueryParameters(q([ALL[0]!, ['expires', '1'], ALL[2]!])), /Query-string authentication requires/);
});

test('an Expires that is not epoch seconds → 403 AccessDenied "Invalid date (should be seconds since epoch): …"', () => {
  for (const value of ['', 'soon', '-1', '1.5', '2007-03-27T19:36:42Z']) {
    assert.throws(
      () => parseV2QueryParameters(q([ALL[0]!, ['Expires', value], ALL[2]!])),
      (e: unknown) => e instanceof S3Error && e.status === 403 && e.code === 'AccessDenied' && e.message === `Invalid date (should be seconds since epoch): ${value}`,
      value,
    );
  }
});
