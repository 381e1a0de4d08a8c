/**
 * The cluster's session key, which seals session tokens: COFFER_SESSION_KEY (64 hex characters or
 * base64 of 32 bytes) — set the same value on every node of a cluster — else
 * `<data-dir>/session.key`, created beside master.key on first start with mode 0600. Kept apart
 * from the master key so that it can be shared with other nodes (or rotated: every outstanding
 * session then answers InvalidToken) without handing out the key that seals secrets at rest.
 */
import { loadKeyFile } from '../../lib/key-file.ts';

export function loadSessionKey(dataDir: string, fromEnv: string | undefined): Buffer {
  return loadKeyFile({ dataDir, file: 'session.key', fromEnv, envName: 'COFFER_SESSION_KEY', what: 'session key' });
}
