import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { S3Error } from '../s3/errors/s3-error.ts';
import { queryAuthError } from './query-auth-error.ts';
import { QueryApiError } from './query-error.ts';

const skewed = (requestTime: string, serverTime: string) =>
  new S3Error('RequestTimeTooSkewed', {
    fields: [
      ['RequestTime', requestTime],
      ['ServerTime', serverTime],
      ['MaxAllowedSkewMilliseconds', '900000'],
    ],
  });

describe('queryAuthError (sts-iam.md §2.7)', () => {
  it('unknown key, missing/malformed session token: 403 InvalidClientTokenId', () => {
    for (const code of ['InvalidAccessKeyId', 'InvalidToken'] as const) {
      const e = queryAuthError(new S3Error(code), 'sts') as QueryApiError;
      assert.deepEqual([e.status, e.code, e.message], [403, 'InvalidClientTokenId', 'The security token included in the request is invalid.']);
    }
  });

  it('expired session: 403 ExpiredToken without a final period', () => {
    const e = queryAuthError(new S3Error('ExpiredToken'), 'sts') as QueryApiError;
    assert.deepEqual([e.status, e.code, e.message], [403, 'ExpiredToken', 'The security token included in the request is expired']);
  });

  it('skewed clocks: SignatureDoesNotMatch naming the request time, the limit and the server time', () => {
    const past = queryAuthError(skewed('20240501T115900Z', '2024-05-01T12:25:00Z'), 'sts') as QueryApiError;
    assert.deepEqual(
      [past.status, past.code, past.message],
      [403, 'SignatureDoesNotMatch', 'Signature expired: 20240501T115900Z is now earlier than 20240501T121000Z (20240501T122500Z - 15 min.)'],
    );
    const future = queryAuthError(skewed('20240501T130000Z', '2024-05-01T12:25:00Z'), 'iam') as QueryApiError;
    assert.equal(future.message, 'Signature not yet current: 20240501T130000Z is still later than 20240501T124000Z (20240501T122500Z + 15 min.)');
  });
});
