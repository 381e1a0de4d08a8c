/**
 * A data directory's stores for `coffer simulate`, opened beside a running server (SQLite in
 * WAL mode lets both in) and closed afterwards. Only what exists is opened: no directory, or
 * one where no server has started, gives no stores (simulate then uses the given files alone),
 * and nothing is created. Simulate never opens a sealed secret, so no master key is read.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteIdentityStore } from '../../iam/sqlite/sqlite-identity-store.ts';
import { METADATA_FILE } from '../../storage/sqlite/open-database.ts';
import { SqliteMetadataStore } from '../../storage/sqlite/sqlite-metadata-store.ts';
import type { DataDirStores } from './simulation-stores.ts';

export const IDENTITY_FILE = 'identity.sqlite';

export async function withDataDirStores<T>(dir: string, now: () => number, fn: (stores: DataDirStores) => Promise<T>): Promise<T> {
  let identity: SqliteIdentityStore | undefined;
  let metadata: SqliteMetadataStore | undefined;
  try {
    if (existsSync(join(dir, IDENTITY_FILE))) {
      identity = new SqliteIdentityStore({ dir, masterKey: Buffer.alloc(32), now, durability: 'full' });
    }
    if (existsSync(join(dir, METADATA_FILE))) metadata = new SqliteMetadataStore({ dir, durability: 'full' });
    return await fn({ ...(identity ? { identity } : {}), ...(metadata ? { metadata } : {}) });
  } finally {
    await metadata?.close();
    await identity?.close();
  }
}
