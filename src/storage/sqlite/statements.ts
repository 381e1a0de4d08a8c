/**
 * Every statement the store runs, prepared once when it opens. Scans come in two forms,
 * with and without an upper key bound, because an empty prefix (or one made only of
 * U+10FFFF) has none; each is a single range over one index (see migrations/0001).
 */
import type Database from 'better-sqlite3';
import type { BucketRow, PartRow, UploadRow, VersionRow } from './rows.ts';

type Db = Database.Database;

const VERSION_COLUMNS = `bucket, key, version_id, is_latest, kind, last_modified, owner, size, etag, storage_class,
  headers, user_metadata, checksum, parts, segments, acl, tags`;
/** What listings read: never a small object's inline bytes. */
const LISTED = `id, ${VERSION_COLUMNS}`;
const UPLOAD_COLUMNS = `upload_id, bucket, key, initiated, owner, initiator, headers, user_metadata, storage_class,
  checksum_algorithm, checksum_type, acl, tags`;
const PART_COLUMNS = 'upload, part_number, last_modified, size, etag, checksum, blob_id';
const params = (columns: string): string =>
  columns
    .split(',')
    .map((c) => '@' + c.trim())
    .join(', ');

/** What a write needs to know about a key's current latest version. */
export interface LatestHead {
  id: number;
  kind: VersionRow['kind'];
  etag: string | null;
}

export function prepareStatements(db: Db) {
  return {
    insertBucket: db.prepare<[BucketRow], void>(
      `INSERT INTO buckets (name, region, location_constraint, owner_account_id, owner_canonical_id,
         owner_display_name, created_at)
       VALUES (@name, @region, @location_constraint, @owner_account_id, @owner_canonical_id,
         @owner_display_name, @created_at)`,
    ),
    getBucket: db.prepare<[string], BucketRow>('SELECT * FROM buckets WHERE name = ?'),
    getBucketState: db.prepare<[string], BucketRow & { kind: string | null; value: string | null }>(
      'SELECT b.*, c.kind, c.value FROM buckets b LEFT JOIN bucket_configs c ON c.bucket = b.name WHERE b.name = ?',
    ),
    listBuckets: db.prepare<[], BucketRow>('SELECT * FROM buckets ORDER BY name'),
    listBucketsOf: db.prepare<[string], BucketRow>('SELECT * FROM buckets WHERE owner_account_id = ? ORDER BY name'),
    deleteBucket: db.prepare<[string], void>('DELETE FROM buckets WHERE name = ?'),
    hasObjects: db.prepare<[string], { one: 1 }>('SELECT 1 AS one FROM versions WHERE bucket = ? LIMIT 1'),
    bucketPartBlobs: db.prepare<[string], { blob_id: string }>(
      'SELECT p.blob_id FROM uploads u JOIN parts p ON p.upload = u.id WHERE u.bucket = ?',
    ),
    deleteBucketParts: db.prepare<[string], void>(
      'DELETE FROM parts WHERE upload IN (SELECT id FROM uploads WHERE bucket = ?)',
    ),
    deleteBucketUploads: db.prepare<[string], void>('DELETE FROM uploads WHERE bucket = ?'),

    putConfig: db.prepare<[string, string, string], void>(
      `INSERT INTO bucket_configs (bucket, kind, value) VALUES (?, ?, ?)
       ON CONFLICT (bucket, kind) DO UPDATE SET value = excluded.value`,
    ),
    deleteConfig: db.prepare<[string, string], void>('DELETE FROM bucket_configs WHERE bucket = ? AND kind = ?'),

    // The newest row of a key is its latest version (ids only grow).
    latest: db.prepare<[string, string], VersionRow>(
      'SELECT * FROM versions WHERE bucket = ? AND key = ? ORDER BY id DESC LIMIT 1',
    ),
    latestHead: db.prepare<[string, string], LatestHead>(
      'SELECT id, kind, etag FROM versions WHERE bucket = ? AND key = ? ORDER BY id DESC LIMIT 1',
    ),
    version: db.prepare<[string, string, string], VersionRow>(
      'SELECT * FROM versions WHERE bucket = ? AND key = ? AND version_id = ?',
    ),
    // What replacing a version needs of it: not its (possibly inline) body.
    versionRef: db.prepare<[string, string, string], Pick<VersionRow, 'id' | 'segments'>>(
      'SELECT id, segments FROM versions WHERE bucket = ? AND key = ? AND version_id = ?',
    ),
    insertVersion: db.prepare<[Omit<VersionRow, 'id'>], void>(
      `INSERT INTO versions (${VERSION_COLUMNS}, inline_data) VALUES (${params(VERSION_COLUMNS)}, @inline_data)`,
    ),
    deleteVersion: db.prepare<[number], void>('DELETE FROM versions WHERE id = ?'),
    setAcl: db.prepare<[string | null, string, string, string], void>(
      "UPDATE versions SET acl = ? WHERE bucket = ? AND key = ? AND version_id = ? AND kind = 'object'",
    ),
    setLatest: db.prepare<[0 | 1, number], void>('UPDATE versions SET is_latest = ? WHERE id = ?'),

    scanObjects: db.prepare<[string, string, string, number], VersionRow>(
      `SELECT ${LISTED} FROM versions WHERE bucket = ? AND key >= ? AND key < ? AND is_latest = 1 AND kind = 'object'
       ORDER BY key LIMIT ?`,
    ),
    scanObjectsToEnd: db.prepare<[string, string, number], VersionRow>(
      `SELECT ${LISTED} FROM versions WHERE bucket = ? AND key >= ? AND is_latest = 1 AND kind = 'object'
       ORDER BY key LIMIT ?`,
    ),
    scanVersions: db.prepare<[string, string, string, number], VersionRow>(
      `SELECT ${LISTED} FROM versions WHERE bucket = ? AND key >= ? AND key < ? ORDER BY key, id DESC LIMIT ?`,
    ),
    scanVersionsToEnd: db.prepare<[string, string, number], VersionRow>(
      `SELECT ${LISTED} FROM versions WHERE bucket = ? AND key >= ? ORDER BY key, id DESC LIMIT ?`,
    ),
    /** Versions of one key older than the row `id` (the rest of a page after a version marker). */
    olderVersions: db.prepare<[string, string, number, number], VersionRow>(
      `SELECT ${LISTED} FROM versions WHERE bucket = ? AND key = ? AND id < ? ORDER BY id DESC LIMIT ?`,
    ),

    insertUpload: db.prepare<[Omit<UploadRow, 'id'>], void>(
      `INSERT INTO uploads (${UPLOAD_COLUMNS}) VALUES (${params(UPLOAD_COLUMNS)})`,
    ),
    getUpload: db.prepare<[string], UploadRow>('SELECT * FROM uploads WHERE upload_id = ?'),
    deleteUpload: db.prepare<[number], void>('DELETE FROM uploads WHERE id = ?'),
    scanUploads: db.prepare<[string, string, string, number], UploadRow>(
      `SELECT * FROM uploads WHERE bucket = ? AND key >= ? AND key < ?
       ORDER BY key, initiated, upload_id LIMIT ?`,
    ),
    scanUploadsToEnd: db.prepare<[string, string, number], UploadRow>(
      'SELECT * FROM uploads WHERE bucket = ? AND key >= ? ORDER BY key, initiated, upload_id LIMIT ?',
    ),
    /** Uploads after a given one in list order (key, initiated, upload_id). */
    scanUploadsAfter: db.prepare<[string, string, number, string, string, number], UploadRow>(
      `SELECT * FROM uploads WHERE bucket = ? AND (key, initiated, upload_id) > (?, ?, ?) AND key < ?
       ORDER BY key, initiated, upload_id LIMIT ?`,
    ),
    scanUploadsAfterToEnd: db.prepare<[string, string, number, string, number], UploadRow>(
      `SELECT * FROM uploads WHERE bucket = ? AND (key, initiated, upload_id) > (?, ?, ?)
       ORDER BY key, initiated, upload_id LIMIT ?`,
    ),

    upsertPart: db.prepare<[PartRow & { upload: number }], void>(
      `INSERT INTO parts (${PART_COLUMNS}) VALUES (${params(PART_COLUMNS)})
       ON CONFLICT (upload, part_number) DO UPDATE SET last_modified = excluded.last_modified,
         size = excluded.size, etag = excluded.etag, checksum = excluded.checksum, blob_id = excluded.blob_id`,
    ),
    partBlob: db.prepare<[number, number], { blob_id: string }>(
      'SELECT blob_id FROM parts WHERE upload = ? AND part_number = ?',
    ),
    listParts: db.prepare<[string, number, number], PartRow>(
      `SELECT * FROM parts WHERE upload = (SELECT id FROM uploads WHERE upload_id = ?) AND part_number > ?
       ORDER BY part_number LIMIT ?`,
    ),
    uploadPartBlobs: db.prepare<[number], { blob_id: string }>('SELECT blob_id FROM parts WHERE upload = ?'),
    deleteUploadParts: db.prepare<[number], void>('DELETE FROM parts WHERE upload = ?'),

    /** Of a JSON array of blob ids, those no version and no part refers to: two index probes each. */
    unreferenced: db.prepare<[string], { blob_id: string }>(
      `SELECT j.value AS blob_id FROM json_each(?) AS j
       WHERE NOT EXISTS (SELECT 1 FROM version_blobs v WHERE v.blob_id = j.value)
         AND NOT EXISTS (SELECT 1 FROM parts p WHERE p.blob_id = j.value)`,
    ),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
