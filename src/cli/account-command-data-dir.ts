/**
 * The stores of a data directory, opened from the CLI beside (or without) a running server:
 * `coffer admin account …` and `coffer admin public-access-block` work on the files directly.
 * SQLite in WAL mode lets both processes in; each write is one IMMEDIATE transaction and a
 * writer waits busy_timeout for the other's lock, so nothing here needs the server to stop.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULTS } from '../config/config.ts';
import type { BucketLister } from '../iam/accounts/account-admin.ts';
import { AccountError } from '../iam/accounts/account-error.ts';
import { loadMasterKey } from '../iam/master-key.ts';
import { SqliteIdentityStore } from '../iam/sqlite/sqlite-identity-store.ts';
import { METADATA_FILE } from '../storage/sqlite/open-database.ts';
import { SqliteMetadataStore } from '../storage/sqlite/sqlite-metadata-store.ts';
import type { CommandIo } from './command-io.ts';

/** A data directory that cannot be used as given: a usage error (exit 2). */
export class DataDirError extends Error {}

export interface OpenedDataDir {
  dir: string;
  identity: SqliteIdentityStore;
  /** The buckets each account owns, from the metadata store (none when it does not exist yet). */
  buckets: BucketLister;
}

/** `--data-dir`, else COFFER_DATA_DIR, else ./data — as `coffer server` picks it. */
export function dataDirOf(flag: string | undefined, io: CommandIo): string {
  return flag ?? (io.env.COFFER_DATA_DIR || DEFAULTS.dataDir);
}

/**
 * Opens the identity store (and, with `buckets`, the metadata store) of `dir`, runs `fn`, and
 * closes them. Refuses a directory where no server has started: creating accounts there would
 * leave a data directory without its default account and master key.
 */
export async function withDataDir<T>(
  dir: string,
  io: CommandIo,
  options: { sealsSecrets: boolean; buckets: boolean },
  fn: (opened: OpenedDataDir) => Promise<T>,
): Promise<T> {
  if (!existsSync(join(dir, 'identity.sqlite'))) {
    throw new DataDirError(
      `${dir} is not a Coffer data directory (no identity.sqlite): give the server's --data-dir, or start \`coffer server --data-dir ${dir}\` once`,
    );
  }
  const identity = new SqliteIdentityStore({ dir, masterKey: masterKeyOf(dir, io, options.sealsSecrets), now: () => io.now(), durability: 'full' });
  let metadata: SqliteMetadataStore | undefined;
  try {
    const hasMetadata = options.buckets && existsSync(join(dir, METADATA_FILE));
    metadata = hasMetadata ? new SqliteMetadataStore({ dir, durability: 'full' }) : undefined;
    const buckets: BucketLister = metadata ?? { listBuckets: async () => [] };
    return await fn({ dir, identity, buckets });
  } finally {
    await metadata?.close();
    await identity.close();
  }
}

/**
 * The master key as the server finds it (COFFER_MASTER_KEY, else <dir>/master.key), never
 * creating one. Commands that neither seal nor open a secret run without it.
 */
function masterKeyOf(dir: string, io: CommandIo, sealsSecrets: boolean): Buffer {
  const fromEnv = io.env.COFFER_MASTER_KEY;
  if (fromEnv || existsSync(join(dir, 'master.key'))) {
    try {
      return loadMasterKey(dir, fromEnv || undefined);
    } catch (e) {
      throw new DataDirError((e as Error).message);
    }
  }
  if (sealsSecrets) {
    throw new DataDirError(`${join(dir, 'master.key')} does not exist: set COFFER_MASTER_KEY to the key the server uses`);
  }
  // Listing, deleting and settings never touch a sealed secret; this key is never used.
  return Buffer.alloc(32);
}

/**
 * Reports what went wrong with an account command and returns its exit status: 2 for a usage
 * mistake (bad input, a directory that is not Coffer's), 1 for a refusal; anything else rethrows.
 */
export function reportFailure(e: unknown, io: CommandIo, prefix: string): number {
  if (e instanceof DataDirError || (e instanceof AccountError && e.code === 'invalid-input')) {
    io.stderr.write(`${prefix}: ${e.message}\n`);
    return 2;
  }
  if (e instanceof AccountError) {
    io.stderr.write(`${prefix}: ${e.message}\n`);
    return 1;
  }
  throw e;
}
