/**
 * The identity database schema, moving forward only: each step runs once, in order, tracked by
 * PRAGMA user_version. Never edit a step that has shipped; add the next one.
 */
import type { Migration } from '../../storage/sqlite/migrations/index.ts';

export const IDENTITY_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'accounts and access keys',
    sql: `CREATE TABLE accounts (
     account_id   TEXT PRIMARY KEY,
     canonical_id TEXT NOT NULL UNIQUE,
     display_name TEXT NOT NULL,
     email        TEXT NOT NULL,
     is_default   INTEGER NOT NULL DEFAULT 0,
     created_at   INTEGER NOT NULL
   );
   CREATE TABLE access_keys (
     access_key_id TEXT PRIMARY KEY,
     account_id    TEXT NOT NULL REFERENCES accounts(account_id) ON DELETE CASCADE,
     user_name     TEXT,
     secret_sealed BLOB NOT NULL,
     status        TEXT NOT NULL CHECK (status IN ('Active', 'Inactive')),
     created_at    INTEGER NOT NULL,
     last_used_at      INTEGER,
     last_used_service TEXT,
     last_used_region  TEXT
   );
   CREATE INDEX access_keys_by_owner ON access_keys(account_id, user_name);`,
  },
];
