import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadSessionKey } from './load-session-key.ts';

describe('loadSessionKey', () => {
  it('creates <data-dir>/session.key (0600) once and reads it back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coffer-session-key-'));
    try {
      const key = loadSessionKey(dir, undefined);
      assert.equal(key.length, 32);
      assert.equal(statSync(join(dir, 'session.key')).mode & 0o777, 0o600);
      assert.equal(readFileSync(join(dir, 'session.key'), 'utf8').trim(), key.toString('hex'));
      assert.deepEqual(loadSessionKey(dir, undefined), key);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes COFFER_SESSION_KEY as hex or base64, and refuses other lengths', () => {
    const key = Buffer.alloc(32, 3);
    assert.deepEqual(loadSessionKey('/nonexistent', key.toString('hex')), key);
    assert.deepEqual(loadSessionKey('/nonexistent', key.toString('base64')), key);
    assert.throws(() => loadSessionKey('/nonexistent', 'abcd'), /COFFER_SESSION_KEY: the session key must be 32 bytes/);
  });
});
