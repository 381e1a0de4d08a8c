/**
 * A 32-byte key from an environment variable (64 hex characters or base64), else from a file in
 * the data directory, created on first start with mode 0600. The master key (secrets at rest)
 * and the session key (STS tokens) are both kept this way.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface KeyFile {
  dataDir: string;
  /** `master.key`, `session.key`. */
  file: string;
  /** The variable's value, if set. */
  fromEnv: string | undefined;
  /** `COFFER_MASTER_KEY`: names the source of a bad value. */
  envName: string;
  /** `master key`: for the error message. */
  what: string;
}

export function loadKeyFile(k: KeyFile): Buffer {
  if (k.fromEnv) return decodeKey(k.fromEnv, k.envName, k.what);
  const path = join(k.dataDir, k.file);
  if (existsSync(path)) return decodeKey(readFileSync(path, 'utf8').trim(), path, k.what);
  const key = randomBytes(32);
  try {
    writeFileSync(path, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (e) {
    // Another process (an admin command, a second server) created it first: that one counts.
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return decodeKey(readFileSync(path, 'utf8').trim(), path, k.what);
    throw e;
  }
  return key;
}

function decodeKey(text: string, source: string, what: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error(`${source}: the ${what} must be 32 bytes (64 hex characters or base64)`);
  return key;
}
