/**
 * The master key that seals secrets at rest: from COFFER_MASTER_KEY (64 hex characters or base64
 * of 32 bytes), else `<data-dir>/master.key`, created on first start with mode 0600.
 */
import { loadKeyFile } from '../lib/key-file.ts';

export function loadMasterKey(dataDir: string, fromEnv: string | undefined): Buffer {
  return loadKeyFile({ dataDir, file: 'master.key', fromEnv, envName: 'COFFER_MASTER_KEY', what: 'master key' });
}
