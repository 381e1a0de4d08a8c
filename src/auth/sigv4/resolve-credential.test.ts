import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CredentialFailure, CredentialStore } from '../credential-store.ts';
import { S3Error } from '../../s3/errors/s3-error.ts';
import { resolveCredential } from './resolve-credential.ts';

const failing = (failure: CredentialFailure['failure']): CredentialStore => ({ resolve: async () => ({ failure }) });

test('each lookup failure becomes AWS\'s error (errors.md §5)', async () => {
  const cases: Array<[CredentialFailure['failure'], number, string, Array<[string, string]>]> = [
    ['unknown-key', 403, 'InvalidAccessKeyId', [['AWSAccessKeyId', 'AKID']]],
    ['inactive-key', 403, 'InvalidAccessKeyId', [['AWSAccessKeyId', 'AKID']]],
    ['token-missing', 403, 'InvalidAccessKeyId', [['AWSAccessKeyId', 'AKID']]],
    ['token-mismatch', 403, 'InvalidAccessKeyId', [['AWSAccessKeyId', 'AKID']]],
    ['principal-deleted', 403, 'InvalidAccessKeyId', [['AWSAccessKeyId', 'AKID']]],
    ['token-expired', 400, 'ExpiredToken', [['Token-0', 'TOKEN']]],
    ['token-malformed', 400, 'InvalidToken', [['Token-0', 'TOKEN']]],
  ];
  const messages: Record<string, string> = {
    InvalidAccessKeyId: 'The AWS Access Key Id you provided does not exist in our records.',
    ExpiredToken: 'The provided token has expired.',
    InvalidToken: 'The provided token is malformed or otherwise invalid.',
  };
  for (const [failure, status, code, fields] of cases) {
    await assert.rejects(resolveCredential(failing(failure), 'AKID', 'TOKEN', 0), (e: unknown) => {
      assert.ok(e instanceof S3Error);
      assert.deepEqual([e.status, e.code, e.message, e.fields], [status, code, messages[code], fields]);
      return true;
    });
  }
});

test('passes the time and token to the store', async () => {
  const seen: unknown[] = [];
  const store: CredentialStore = {
    resolve: async (...args) => {
      seen.push(args);
      return { failure: 'unknown-key' };
    },
  };
  await assert.rejects(resolveCredential(store, 'AKID', 'TOKEN', 1234));
  assert.deepEqual(seen, [['AKID', 'TOKEN', 1234]]);
});
