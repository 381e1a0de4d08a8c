/**
 * The master key that seals secrets at rest: from COFFER_MASTER_KEY (64 hex characters or base64
 * of 32 bytes), else `<data-dir>/master.key`, created on first start with mode 0600.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function loadMasterKey(dataDir: string, fromEnv: string | undefined): Buffer {
  if (fromEnv) return decodeKey(fromEnv, 'COFFER_MASTER_KEY');
  const path = join(dataDir, 'master.key');
  if (existsSync(path)) return decodeKey(readFileSync(path, 'utf8').trim(), path);
  const key = randomBytes(32);
  writeFileSync(path, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}

function decodeKey(text: string, source: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error(`${source}: the master key must be 32 bytes (64 hex characters or base64)`);
  return key;
}
