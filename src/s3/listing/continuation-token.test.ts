/**
 * ListObjectsV2 continuation tokens (../shared/spec/s3-core.md §6.1): opaque base64-like
 * strings; empty or unknown → 400 InvalidArgument `The continuation token provided is incorrect`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { S3Error } from '../errors/s3-error.ts';
import { decodeContinuationToken, encodeContinuationToken } from './continuation-token.ts';

describe('continuation tokens', () => {
  const keys = ['', 'a', 'photos/2025/', 'a b+c%2F', 'caf\u00e9/\u{1f600}', '\uffff\u{10ffff}', 'x'.repeat(1024), '=?&/'];

  it('round-trip every key', () => {
    for (const key of keys) assert.equal(decodeContinuationToken(encodeContinuationToken(key)), key, JSON.stringify(key));
  });

  it('look base64-like and do not show the key in clear', () => {
    for (const key of keys) {
      const token = encodeContinuationToken(key);
      assert.match(token, /^[A-Za-z0-9+/]+={0,2}$/);
      if (key.length > 0) assert.ok(!token.includes(key), key);
    }
  });

  it('different keys give different tokens', () => {
    const tokens = new Set(keys.map(encodeContinuationToken));
    assert.equal(tokens.size, keys.length);
  });

  it('empty, malformed or foreign tokens → 400 InvalidArgument naming continuation-token', () => {
    const bad = [
      '',
      'not base64!',
      Buffer.from('photos/a.jpg').toString('base64'), // a key without the version tag
      Buffer.from('c2:photos/a.jpg').toString('base64'), // another version
      ' ' + encodeContinuationToken('a'),
      encodeContinuationToken('a') + '\n',
      encodeContinuationToken('a').replace(/=+$/, '') + '===',
      'YzE6YQ==?',
    ];
    for (const token of bad) {
      assert.throws(
        () => decodeContinuationToken(token),
        (e: unknown) => {
          assert.ok(e instanceof S3Error);
          assert.deepEqual(
            { status: e.status, code: e.code, message: e.message, fields: e.fields },
            {
              status: 400, code: 'InvalidArgument', message: 'The continuation token provided is incorrect',
              fields: [['ArgumentName', 'continuation-token'], ['ArgumentValue', token]],
            },
          );
          return true;
        },
        JSON.stringify(token),
      );
    }
  });
});
