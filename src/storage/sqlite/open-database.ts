import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS, type Migration } from './migrations/index.ts';

export type Durability = 'full' | 'normal';

export interface OpenDatabaseOptions {
  /** Directory holding `metadata.sqlite` (and its -wal/-shm files); created if missing. */
  dir: string;
  /**
   * 'full' (default): a write is acknowledged only once it survives power loss (synchronous=FULL).
   * 'normal': survives a process crash, may lose the last commits on power loss; faster.
   */
  durability?: Durability;
  /** How long a writer waits for another process's lock before SQLITE_BUSY (default 5000). */
  busyTimeoutMs?: number;
}

export const METADATA_FILE = 'metadata.sqlite';

/** Opens (creating if needed) the metadata database, sets its pragmas and migrates it. */
export function openDatabase(options: OpenDatabaseOptions): Database.Database {
  return openSqliteFile({ ...options, file: METADATA_FILE, migrations: MIGRATIONS, label: 'metadata' });
}

/**
 * Any of Coffer's SQLite files (metadata, identity): private file mode, WAL, the durability
 * setting, foreign keys, and its own numbered migrations.
 */
export function openSqliteFile(
  options: OpenDatabaseOptions & { file: string; migrations: readonly Migration[]; label: string },
): Database.Database {
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const path = join(options.dir, options.file);
  // Create the file ourselves so it is 0600 from its first byte: it holds owners, ACLs and
  // policies. SQLite gives the -wal and -shm files the main file's permissions.
  closeSync(openSync(path, 'a', 0o600));
  const db = new Database(path);
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`${path}: cannot use WAL journal mode (got ${String(mode)})`);
    db.pragma(`synchronous = ${(options.durability ?? 'full') === 'full' ? 'FULL' : 'NORMAL'}`);
    db.pragma('foreign_keys = ON');
    migrate(db, options.migrations, options.label);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Runs the migrations newer than the database's user_version, each in its own IMMEDIATE
 * transaction so two processes opening the same file at once cannot both apply a step.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[], label = 'metadata'): void {
  const latest = migrations.at(-1)?.version ?? 0;
  const step = db.transaction((migration: Migration) => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current >= migration.version) return;
    if (current !== migration.version - 1) {
      throw new Error(`${label} schema is at version ${current}; cannot apply migration ${migration.version}`);
    }
    db.exec(migration.sql);
    db.pragma(`user_version = ${migration.version}`);
  });
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new Error(`${label} schema version ${current} is newer than this Coffer understands (${latest})`);
  }
  for (const migration of migrations) {
    if (migration.version > current) step.immediate(migration);
  }
}
