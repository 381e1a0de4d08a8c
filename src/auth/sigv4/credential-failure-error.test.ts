import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CredentialFailure } from '../credential-store.ts';
import { credentialFailureError } from './credential-failure-error.ts';

test('each lookup failure becomes AWS\'s error (errors.md §5)', () => {
  const invalidKey = [403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', [['AWSAccessKeyId', 'AKID']]];
  const cases: Array<[CredentialFailure['failure'], unknown[]]> = [
    ['unknown-key', invalidKey],
    ['inactive-key', invalidKey],
    ['token-missing', invalidKey],
    ['token-mismatch', invalidKey],
    ['principal-deleted', invalidKey],
    ['token-expired', [400, 'ExpiredToken', 'The provided token has expired.', [['Token-0', 'TOKEN']]]],
    ['token-malformed', [400, 'InvalidToken', 'The provided token is malformed or otherwise invalid.', [['Token-0', 'TOKEN']]]],
  ];
  for (const [failure, expected] of cases) {
    const e = credentialFailureError({ failure }, 'AKID', 'TOKEN');
    assert.deepEqual([e.status, e.code, e.message, e.fields], expected, failure);
  }
});
