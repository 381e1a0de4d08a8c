/**
 * Migration 1: the initial schema. Shipped migrations are never edited; change the schema by
 * adding the next numbered file and listing it in index.ts.
 *
 * Keys and names are TEXT under SQLite's default BINARY collation, which compares the UTF-8
 * bytes: exactly the order S3 lists keys in (s3-core.md §6.2).
 */
export const initialSchema = `
CREATE TABLE buckets (
  name                TEXT PRIMARY KEY,
  region              TEXT NOT NULL,
  location_constraint TEXT NOT NULL,
  owner_account_id    TEXT NOT NULL,
  owner_canonical_id  TEXT NOT NULL,
  owner_display_name  TEXT NOT NULL,
  created_at          INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX buckets_by_owner ON buckets (owner_account_id, name);

-- One row per (bucket, kind); the value is the config's JSON, replaced whole.
CREATE TABLE bucket_configs (
  bucket TEXT NOT NULL REFERENCES buckets (name) ON DELETE CASCADE,
  kind   TEXT NOT NULL,
  value  TEXT NOT NULL,
  PRIMARY KEY (bucket, kind)
) WITHOUT ROWID;

-- Every version of every key, objects and delete markers alike. id grows with each insert
-- (max(rowid)+1), so within a key a higher id is a newer version and the latest version is
-- always the one with the highest id; is_latest mirrors that for the listing index.
-- Unversioned writes use version_id 'null'.
CREATE TABLE versions (
  id            INTEGER PRIMARY KEY,
  bucket        TEXT NOT NULL REFERENCES buckets (name),
  key           TEXT NOT NULL,
  version_id    TEXT NOT NULL,
  is_latest     INTEGER NOT NULL CHECK (is_latest IN (0, 1)),
  kind          TEXT NOT NULL CHECK (kind IN ('object', 'delete-marker')),
  last_modified INTEGER NOT NULL,
  owner         TEXT NOT NULL,             -- JSON Owner
  size          INTEGER,
  etag          TEXT,
  storage_class TEXT,
  headers       TEXT,                      -- JSON StoredHeaders
  user_metadata TEXT,                      -- JSON [name, value][] in the order received
  checksum      TEXT,                      -- JSON StoredChecksum
  parts         TEXT,                      -- JSON [{size, checksum?}]
  segments      TEXT NOT NULL DEFAULT '[]',-- JSON BlobSegment[]
  acl           TEXT,                      -- JSON, opaque
  tags          TEXT,                      -- JSON [key, value][]
  CHECK (kind = 'delete-marker' OR (size IS NOT NULL AND etag IS NOT NULL AND headers IS NOT NULL
                                    AND user_metadata IS NOT NULL AND storage_class IS NOT NULL))
);
CREATE UNIQUE INDEX versions_by_version_id ON versions (bucket, key, version_id);
-- ListObjectVersions order: keys ascending, versions newest first; also finds a key's latest.
CREATE INDEX versions_by_key ON versions (bucket, key, id DESC);
-- ListObjects reads only this: one range scan per page, never skipping delete markers or
-- older versions, so a page costs the same however many rows the bucket holds.
CREATE INDEX current_objects ON versions (bucket, key) WHERE is_latest = 1 AND kind = 'object';

-- Which version rows use which blob, kept by triggers in the writing transaction, so the
-- orphan sweep and "which blobs did this write retire" are indexed lookups.
CREATE TABLE version_blobs (
  blob_id     TEXT NOT NULL,
  version_row INTEGER NOT NULL,
  PRIMARY KEY (blob_id, version_row)
) WITHOUT ROWID;

CREATE TRIGGER version_blobs_insert AFTER INSERT ON versions BEGIN
  INSERT OR IGNORE INTO version_blobs (blob_id, version_row)
    SELECT json_extract(value, '$.blobId'), NEW.id FROM json_each(NEW.segments);
END;
CREATE TRIGGER version_blobs_delete AFTER DELETE ON versions BEGIN
  DELETE FROM version_blobs WHERE version_row = OLD.id
    AND blob_id IN (SELECT json_extract(value, '$.blobId') FROM json_each(OLD.segments));
END;
CREATE TRIGGER version_blobs_update AFTER UPDATE OF segments ON versions BEGIN
  DELETE FROM version_blobs WHERE version_row = OLD.id
    AND blob_id IN (SELECT json_extract(value, '$.blobId') FROM json_each(OLD.segments));
  INSERT OR IGNORE INTO version_blobs (blob_id, version_row)
    SELECT json_extract(value, '$.blobId'), NEW.id FROM json_each(NEW.segments);
END;

CREATE TABLE uploads (
  id                 INTEGER PRIMARY KEY,
  upload_id          TEXT NOT NULL UNIQUE,
  bucket             TEXT NOT NULL REFERENCES buckets (name),
  key                TEXT NOT NULL,
  initiated          INTEGER NOT NULL,
  owner              TEXT NOT NULL,        -- JSON Owner
  initiator          TEXT NOT NULL,        -- JSON {id, displayName}
  headers            TEXT NOT NULL,
  user_metadata      TEXT NOT NULL,
  storage_class      TEXT NOT NULL,
  checksum_algorithm TEXT,
  checksum_type      TEXT,
  acl                TEXT,
  tags               TEXT
);
-- ListMultipartUploads order: key, then initiation time (upload_id breaks ties).
CREATE INDEX uploads_by_key ON uploads (bucket, key, initiated, upload_id);

CREATE TABLE parts (
  upload        INTEGER NOT NULL REFERENCES uploads (id) ON DELETE CASCADE,
  part_number   INTEGER NOT NULL,
  last_modified INTEGER NOT NULL,
  size          INTEGER NOT NULL,
  etag          TEXT NOT NULL,
  checksum      TEXT,
  blob_id       TEXT NOT NULL,
  PRIMARY KEY (upload, part_number)
) WITHOUT ROWID;
-- A part is its blob's reference; this index answers "is this blob still used by a part".
CREATE INDEX parts_by_blob ON parts (blob_id);
`;
