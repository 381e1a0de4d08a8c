/**
 * The cluster's session key, which seals session tokens: COFFER_SESSION_KEY (64 hex characters or
 * base64 of 32 bytes) — set the same value on every node of a cluster — else
 * `<data-dir>/session.key`, created beside master.key on first start with mode 0600. Kept apart
 * from the master key so that it can be shared with other nodes (or rotated: every outstanding
 * session then answers InvalidToken) without handing out the key that seals secrets at rest.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function loadSessionKey(dataDir: string, fromEnv: string | undefined): Buffer {
  if (fromEnv) return decodeKey(fromEnv, 'COFFER_SESSION_KEY');
  const path = join(dataDir, 'session.key');
  if (existsSync(path)) return decodeKey(readFileSync(path, 'utf8').trim(), path);
  const key = randomBytes(32);
  writeFileSync(path, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}

function decodeKey(text: string, source: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error(`${source}: the session key must be 32 bytes (64 hex characters or base64)`);
  return key;
}
