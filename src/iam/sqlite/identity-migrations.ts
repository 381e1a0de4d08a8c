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
  {
    version: 2,
    name: 'IAM users, groups, roles, policies, OIDC providers',
    // Names are unique per account case-insensitively (IAM names are ASCII, so NOCASE is
    // exact), ARNs keep the case given. Tags are small and only read whole: JSON columns.
    // AWS managed policies have account_id NULL and are seeded at open (seed-aws-managed-policies.ts).
    sql: `CREATE TABLE iam_users (
     user_id              TEXT PRIMARY KEY,
     account_id           TEXT NOT NULL REFERENCES accounts(account_id) ON DELETE CASCADE,
     user_name            TEXT NOT NULL,
     path                 TEXT NOT NULL,
     created_at           INTEGER NOT NULL,
     permissions_boundary TEXT,
     tags                 TEXT NOT NULL DEFAULT '[]'
   );
   CREATE UNIQUE INDEX iam_users_by_name ON iam_users(account_id, user_name COLLATE NOCASE);
   CREATE INDEX iam_users_by_boundary ON iam_users(permissions_boundary) WHERE permissions_boundary IS NOT NULL;

   CREATE TABLE iam_groups (
     group_id   TEXT PRIMARY KEY,
     account_id TEXT NOT NULL REFERENCES accounts(account_id) ON DELETE CASCADE,
     group_name TEXT NOT NULL,
     path       TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE UNIQUE INDEX iam_groups_by_name ON iam_groups(account_id, group_name COLLATE NOCASE);

   CREATE TABLE iam_group_members (
     group_id TEXT NOT NULL REFERENCES iam_groups(group_id) ON DELETE CASCADE,
     user_id  TEXT NOT NULL REFERENCES iam_users(user_id) ON DELETE CASCADE,
     added_at INTEGER NOT NULL,
     PRIMARY KEY (group_id, user_id)
   );
   CREATE INDEX iam_group_members_by_user ON iam_group_members(user_id);

   CREATE TABLE iam_roles (
     role_id              TEXT PRIMARY KEY,
     account_id           TEXT NOT NULL REFERENCES accounts(account_id) ON DELETE CASCADE,
     role_name            TEXT NOT NULL,
     path                 TEXT NOT NULL,
     created_at           INTEGER NOT NULL,
     trust_policy         TEXT NOT NULL,
     description          TEXT,
     max_session_duration INTEGER NOT NULL DEFAULT 3600 CHECK (max_session_duration BETWEEN 3600 AND 43200),
     permissions_boundary TEXT,
     tags                 TEXT NOT NULL DEFAULT '[]'
   );
   CREATE UNIQUE INDEX iam_roles_by_name ON iam_roles(account_id, role_name COLLATE NOCASE);
   CREATE INDEX iam_roles_by_boundary ON iam_roles(permissions_boundary) WHERE permissions_boundary IS NOT NULL;

   -- Inline policies of users, groups and roles; the owner's unique id names it.
   CREATE TABLE iam_inline_policies (
     owner_id    TEXT NOT NULL,
     owner_kind  TEXT NOT NULL CHECK (owner_kind IN ('user', 'group', 'role')),
     account_id  TEXT NOT NULL REFERENCES accounts(account_id) ON DELETE CASCADE,
     policy_name TEXT NOT NULL,
     document    TEXT NOT NULL,
     PRIMARY KEY (owner_id, policy_name)
   );

   CREATE TABLE iam_policies (
     policy_id       TEXT PRIMARY KEY,
     account_id      TEXT REFERENCES accounts(account_id) ON DELETE CASCADE,
     arn             TEXT NOT NULL UNIQUE,
     policy_name     TEXT NOT NULL,
     path            TEXT NOT NULL,
     description     TEXT,
     default_version TEXT NOT NULL,
     -- Version ids are never reused: v6 follows v5 even after v2 was deleted.
     next_version    INTEGER NOT NULL,
     created_at      INTEGER NOT NULL,
     updated_at      INTEGER NOT NULL,
     tags            TEXT NOT NULL DEFAULT '[]'
   );
   CREATE UNIQUE INDEX iam_policies_by_name ON iam_policies(ifnull(account_id, 'aws'), policy_name COLLATE NOCASE);

   CREATE TABLE iam_policy_versions (
     policy_id  TEXT NOT NULL REFERENCES iam_policies(policy_id) ON DELETE CASCADE,
     version_id TEXT NOT NULL,
     number     INTEGER NOT NULL,
     document   TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     PRIMARY KEY (policy_id, version_id)
   );

   CREATE TABLE iam_policy_attachments (
     entity_id   TEXT NOT NULL,
     entity_kind TEXT NOT NULL CHECK (entity_kind IN ('user', 'group', 'role')),
     policy_id   TEXT NOT NULL REFERENCES iam_policies(policy_id),
     account_id  TEXT NOT NULL REFERENCES accounts(account_id) ON DELETE CASCADE,
     attached_at INTEGER NOT NULL,
     PRIMARY KEY (entity_id, policy_id)
   );
   CREATE INDEX iam_policy_attachments_by_policy ON iam_policy_attachments(policy_id, account_id);

   CREATE TABLE iam_oidc_providers (
     arn         TEXT PRIMARY KEY,
     account_id  TEXT NOT NULL REFERENCES accounts(account_id) ON DELETE CASCADE,
     url         TEXT NOT NULL,
     client_ids  TEXT NOT NULL,
     thumbprints TEXT NOT NULL,
     jwks_kind   TEXT CHECK (jwks_kind IN ('inline', 'url')),
     jwks        TEXT,
     created_at  INTEGER NOT NULL,
     tags        TEXT NOT NULL DEFAULT '[]'
   );
   CREATE INDEX iam_oidc_providers_by_account ON iam_oidc_providers(account_id);

   -- Keys of IAM users name their owner by unique id: a user deleted and created again under
   -- the same name does not inherit them. Root keys keep user_id NULL.
   ALTER TABLE access_keys ADD COLUMN user_id TEXT REFERENCES iam_users(user_id) ON DELETE CASCADE;
   CREATE INDEX access_keys_by_user ON access_keys(user_id);`,
  },
  {
    version: 3,
    name: 'account settings: account-level Block Public Access; accounts by e-mail',
    // One row per account that has settings. The four Block Public Access flags
    // (policy-evaluation.md §8.4) are all NULL when the account has no configuration (as after
    // s3control DeletePublicAccessBlock: every flag off), else all four 0/1. E-mail addresses
    // are unique case-insensitively; that is checked in the write transaction that creates an
    // account rather than by a UNIQUE index, which would refuse to build (and so stop the
    // server from starting) on a database that already holds two accounts with one address.
    sql: `CREATE TABLE account_settings (
     account_id              TEXT PRIMARY KEY REFERENCES accounts(account_id) ON DELETE CASCADE,
     block_public_acls       INTEGER CHECK (block_public_acls IN (0, 1)),
     ignore_public_acls      INTEGER CHECK (ignore_public_acls IN (0, 1)),
     block_public_policy     INTEGER CHECK (block_public_policy IN (0, 1)),
     restrict_public_buckets INTEGER CHECK (restrict_public_buckets IN (0, 1)),
     public_access_block_updated_at INTEGER,
     CHECK ((block_public_acls IS NULL) = (ignore_public_acls IS NULL)
        AND (block_public_acls IS NULL) = (block_public_policy IS NULL)
        AND (block_public_acls IS NULL) = (restrict_public_buckets IS NULL))
   );
   CREATE INDEX accounts_by_email ON accounts(lower(email));`,
  },
];
