/**
 * The embedded metadata store: one SQLite file in WAL mode, one connection, statements
 * prepared once. better-sqlite3 is synchronous, so every method runs start to finish without
 * yielding and each write is one IMMEDIATE transaction (taking the write lock up front, so a
 * second process waits busy_timeout instead of failing on a lock upgrade).
 */
import type Database from 'better-sqlite3';
import {
  BucketExistsError,
  BucketNotEmptyError,
  BucketNotFoundError,
  UploadNotFoundError,
  WriteConditionFailedError,
} from '../errors.ts';
import type {
  MetadataStore,
  ScanOptions,
  UploadScanOptions,
  VersionScanOptions,
  WriteConditions,
} from '../metadata-store.ts';
import type {
  BucketConfigKind,
  BucketConfigs,
  BucketRecord,
  MultipartUpload,
  ObjectVersion,
  StoredVersion,
  UploadedPart,
} from '../types.ts';
import { prefixUpperBound } from '../../lib/utf8-order.ts';
import { ReadCache } from './read-cache.ts';
import { scanStart } from './key-range.ts';
import { scanUploadRows, scanVersionRows } from './marker-scans.ts';
import { openDatabase, type OpenDatabaseOptions } from './open-database.ts';
import {
  blobIdsOf,
  bucketToRow,
  objectToParams,
  partToParams,
  rowToBucket,
  rowToObject,
  rowToPart,
  rowToUpload,
  rowToVersion,
  uploadToParams,
  type UploadRow,
} from './rows.ts';
import { prepareStatements, type LatestHead, type Statements } from './statements.ts';

export type SqliteMetadataStoreOptions = OpenDatabaseOptions;

/** How often a grouped write retries for a write lock another process holds. */
const LOCK_RETRY_MS = 1;

export class SqliteMetadataStore implements MetadataStore {
  readonly #db: Database.Database;
  readonly #s: Statements;
  readonly #tx: Record<'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'rollbackTo', Database.Statement<[]>>;
  readonly #bucketStates: ReadCache<{ bucket: BucketRecord; configs: Partial<BucketConfigs> }>;
  /**
   * The latest version of recently read keys, decoded: a GET of a small object was mostly this
   * lookup — the row read and half a dozen JSON.parse calls. Any write on this connection
   * empties it (objects have many write paths; forgetting one key would serve a stale object),
   * as does any commit by another process. Bounded: rows carry inline data up to 32 KiB.
   */
  readonly #latestVersions: ReadCache<StoredVersion>;
  #pending: Array<{ fn: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void }> = [];
  /** `PRAGMA busy_timeout` off and back on, around the non-blocking BEGIN of a grouped write. */
  readonly #busyTimeout: { off: Database.Statement<[]>; on: Database.Statement<[]> };
  readonly #busyTimeoutMs: number;
  /** Since when the pending batch has waited for another process's write lock. */
  #lockWaitSince: number | undefined;

  constructor(options: SqliteMetadataStoreOptions) {
    this.#db = openDatabase(options);
    this.#s = prepareStatements(this.#db);
    this.#bucketStates = new ReadCache(this.#db, { invalidateOn: 'forget-calls' });
    this.#latestVersions = new ReadCache(this.#db, { invalidateOn: 'any-write', maxEntries: 1024 });
    const statement = (sql: string) => this.#db.prepare<[]>(sql);
    this.#tx = {
      begin: statement('BEGIN IMMEDIATE'),
      commit: statement('COMMIT'),
      rollback: statement('ROLLBACK'),
      savepoint: statement('SAVEPOINT grouped_write'),
      release: statement('RELEASE grouped_write'),
      rollbackTo: statement('ROLLBACK TO grouped_write'),
    };
    this.#busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    this.#busyTimeout = { off: statement('PRAGMA busy_timeout = 0'), on: statement(`PRAGMA busy_timeout = ${this.#busyTimeoutMs}`) };
  }

  /** Runs `fn` as one write transaction; a throw rolls everything back. */
  #write<T>(fn: () => T): T {
    return this.#db.transaction(fn).immediate();
  }

  /**
   * Group commit: writes that arrive in the same turn of the event loop share one transaction
   * — and so one fsync with durability 'full' — each inside its own savepoint, so one write's
   * failure (a failed condition) rolls back only that write. Every promise settles after the
   * commit, so nothing is acknowledged before it is durable. Under concurrent uploads this turns
   * N fsyncs into one.
   */
  #writeGrouped<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#pending.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (this.#pending.length === 1) setImmediate(() => this.#flush());
    });
  }

  #flush(): void {
    const tx = this.#tx;
    let began: boolean;
    try {
      began = this.#beginWithoutWaiting();
    } catch (error) {
      const batch = this.#pending;
      this.#pending = [];
      for (const op of batch) op.reject(error);
      return;
    }
    if (!began) {
      // The batch stays pending — and grows — until the lock is free.
      setTimeout(() => this.#flush(), LOCK_RETRY_MS);
      return;
    }
    const batch = this.#pending;
    this.#pending = [];
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    // Statements prepared once rather than db.transaction() wrappers built per write: at
    // thousands of small PUTs a second, building those was a visible cost.
    try {
      try {
        for (const op of batch) {
          tx.savepoint.run();
          try {
            outcomes.push({ ok: true, value: op.fn() });
            tx.release.run();
          } catch (error) {
            tx.rollbackTo.run();
            tx.release.run();
            outcomes.push({ ok: false, error });
          }
        }
        tx.commit.run();
      } catch (error) {
        if (this.#db.inTransaction) tx.rollback.run();
        throw error;
      }
    } catch (error) {
      // The commit itself failed (disk full, I/O error): none of the writes happened.
      for (const op of batch) op.reject(error);
      return;
    }
    batch.forEach((op, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) op.resolve(outcome.value);
      else op.reject(outcome.error);
    });
  }

  /**
   * BEGIN IMMEDIATE for a grouped write, without SQLite's busy handler: when another process
   * (another worker, `coffer admin`) holds the write lock, that handler would sleep — and with it
   * this whole process, every request it serves. Instead this returns false and the caller tries
   * again on a timer, while the event loop goes on serving reads and gathering writes into the
   * batch. After busyTimeoutMs of waiting, the last try blocks like any other write and fails
   * with SQLITE_BUSY if the lock is still held.
   */
  #beginWithoutWaiting(): boolean {
    const now = Date.now();
    if (this.#lockWaitSince !== undefined && now - this.#lockWaitSince >= this.#busyTimeoutMs) {
      this.#lockWaitSince = undefined;
      this.#tx.begin.run();
      return true;
    }
    this.#busyTimeout.off.get();
    try {
      this.#tx.begin.run();
      this.#lockWaitSince = undefined;
      return true;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
      this.#lockWaitSince ??= now;
      return false;
    } finally {
      this.#busyTimeout.on.get();
    }
  }

  /** Runs several reads against one snapshot. */
  #read<T>(fn: () => T): T {
    return this.#db.transaction(fn).deferred();
  }

  #unreferenced(blobIds: string[]): string[] {
    if (blobIds.length === 0) return [];
    return this.#s.unreferenced.all(JSON.stringify([...new Set(blobIds)])).map((r) => r.blob_id);
  }

  #requireBucket(name: string): void {
    if (!this.#s.getBucket.get(name)) throw new BucketNotFoundError(name);
  }

  async createBucket(bucket: BucketRecord): Promise<void> {
    this.#write(() => {
      const existing = this.#s.getBucket.get(bucket.name);
      if (existing) throw new BucketExistsError(bucket.name, existing.owner_account_id);
      this.#s.insertBucket.run(bucketToRow(bucket));
    });
    this.#bucketStates.forget(bucket.name);
  }

  async getBucket(name: string): Promise<BucketRecord | undefined> {
    const row = this.#s.getBucket.get(name);
    return row && rowToBucket(row);
  }

  async getBucketState(name: string): Promise<{ bucket: BucketRecord; configs: Partial<BucketConfigs> } | undefined> {
    return this.#bucketStates.get(name, () => {
      const rows = this.#s.getBucketState.all(name);
      if (rows.length === 0) return undefined;
      const configs: Record<string, unknown> = {};
      for (const row of rows) if (row.kind !== null && row.value !== null) configs[row.kind] = JSON.parse(row.value);
      return { bucket: rowToBucket(rows[0]!), configs: configs as Partial<BucketConfigs> };
    });
  }

  async listBuckets(ownerAccountId?: string): Promise<BucketRecord[]> {
    const rows =
      ownerAccountId === undefined ? this.#s.listBuckets.all() : this.#s.listBucketsOf.all(ownerAccountId);
    return rows.map(rowToBucket);
  }

  async deleteBucket(name: string): Promise<string[]> {
    this.#bucketStates.forget(name);
    return this.#write(() => {
      this.#requireBucket(name);
      if (this.#s.hasObjects.get(name)) throw new BucketNotEmptyError(name);
      const partBlobs = this.#s.bucketPartBlobs.all(name).map((r) => r.blob_id);
      this.#s.deleteBucketParts.run(name);
      this.#s.deleteBucketUploads.run(name);
      this.#s.deleteBucket.run(name); // configurations go by ON DELETE CASCADE
      return this.#unreferenced(partBlobs);
    });
  }

  // Configurations come from the cached bucket state: parsed once, shared (frozen).
  async getBucketConfigs(bucket: string): Promise<Partial<BucketConfigs>> {
    return (await this.getBucketState(bucket))?.configs ?? {};
  }

  async getBucketConfig<K extends BucketConfigKind>(bucket: string, kind: K): Promise<BucketConfigs[K] | undefined> {
    return (await this.getBucketState(bucket))?.configs[kind] as BucketConfigs[K] | undefined;
  }

  async putBucketConfig<K extends BucketConfigKind>(bucket: string, kind: K, value: BucketConfigs[K]): Promise<void> {
    this.#write(() => {
      this.#requireBucket(bucket);
      this.#s.putConfig.run(bucket, kind, JSON.stringify(value));
    });
    this.#bucketStates.forget(bucket);
  }

  async deleteBucketConfig(bucket: string, kind: BucketConfigKind): Promise<void> {
    this.#s.deleteConfig.run(bucket, kind);
    this.#bucketStates.forget(bucket);
  }

  async getObject(bucket: string, key: string, versionId?: string): Promise<StoredVersion | undefined> {
    if (versionId !== undefined) {
      const row = this.#s.version.get(bucket, key, versionId);
      return row && rowToVersion(row);
    }
    return this.#latestVersions.get(bucket + '\u0000' + key, () => {
      const row = this.#s.latest.get(bucket, key);
      return row && rowToVersion(row);
    });
  }

  async putObjectAcl(bucket: string, key: string, versionId: string, acl: ObjectVersion['acl']): Promise<boolean> {
    return this.#s.setAcl.run(acl === undefined ? null : JSON.stringify(acl), bucket, key, versionId).changes === 1;
  }

  async putObject(version: ObjectVersion, conditions?: WriteConditions): Promise<string[]> {
    return this.#writeGrouped(() => this.#unreferenced(this.#writeObject(version, conditions)));
  }

  /**
   * Inside a write transaction: makes `version` its key's latest version, replacing a row
   * with the same version id. Returns the blob ids the replaced row used (maybe still shared).
   */
  #writeObject(version: ObjectVersion, conditions: WriteConditions | undefined): string[] {
    this.#requireBucket(version.bucket);
    const latest = this.#s.latestHead.get(version.bucket, version.key);
    checkConditions(latest, conditions);
    const replaced = this.#s.versionRef.get(version.bucket, version.key, version.versionId);
    if (replaced) this.#s.deleteVersion.run(replaced.id);
    if (latest && latest.id !== replaced?.id) this.#s.setLatest.run(0, latest.id);
    this.#s.insertVersion.run({ ...objectToParams(version), is_latest: 1 });
    return replaced ? blobIdsOf(replaced) : [];
  }

  async deleteObject(
    bucket: string,
    key: string,
    versionId?: string,
  ): Promise<{ removed?: StoredVersion; blobs: string[] }> {
    return this.#writeGrouped(() => {
      // Without a version id this is the unversioned delete: the 'null' version goes.
      const row = this.#s.version.get(bucket, key, versionId ?? 'null');
      if (!row) return { blobs: [] };
      this.#s.deleteVersion.run(row.id);
      if (row.is_latest === 1) {
        // S3: deleting the current version makes the next newest one current.
        const next = this.#s.latestHead.get(bucket, key);
        if (next) this.#s.setLatest.run(1, next.id);
      }
      return { removed: rowToVersion(row), blobs: this.#unreferenced(blobIdsOf(row)) };
    });
  }

  async scanObjects(bucket: string, options: ScanOptions): Promise<ObjectVersion[]> {
    const start = scanStart(options.prefix, options.cursor);
    const end = prefixUpperBound(options.prefix);
    const limit = Math.max(0, options.limit);
    const rows =
      end === undefined
        ? this.#s.scanObjectsToEnd.all(bucket, start, limit)
        : this.#s.scanObjects.all(bucket, start, end, limit);
    return rows.map(rowToObject);
  }

  async scanVersions(bucket: string, options: VersionScanOptions): Promise<StoredVersion[]> {
    return this.#read(() => scanVersionRows(this.#s, bucket, options)).map(rowToVersion);
  }

  async hasObjects(bucket: string): Promise<boolean> {
    return this.#s.hasObjects.get(bucket) !== undefined;
  }

  async createMultipartUpload(upload: MultipartUpload): Promise<void> {
    this.#write(() => {
      this.#requireBucket(upload.bucket);
      this.#s.insertUpload.run(uploadToParams(upload));
    });
  }

  async getMultipartUpload(bucket: string, key: string, uploadId: string): Promise<MultipartUpload | undefined> {
    const row = this.#uploadOf(bucket, key, uploadId);
    return row && rowToUpload(row);
  }

  /** An upload id names an upload only together with its bucket and key (S3: NoSuchUpload). */
  #uploadOf(bucket: string, key: string, uploadId: string): UploadRow | undefined {
    const row = this.#s.getUpload.get(uploadId);
    return row && row.bucket === bucket && row.key === key ? row : undefined;
  }

  async putPart(part: UploadedPart): Promise<string[]> {
    return this.#writeGrouped(() => {
      const upload = this.#s.getUpload.get(part.uploadId);
      if (!upload) throw new UploadNotFoundError(part.uploadId);
      const previous = this.#s.partBlob.get(upload.id, part.partNumber)?.blob_id;
      this.#s.upsertPart.run(partToParams(upload.id, part));
      return previous === undefined || previous === part.blobId ? [] : this.#unreferenced([previous]);
    });
  }

  async listParts(uploadId: string, after: number, limit: number): Promise<UploadedPart[]> {
    return this.#s.listParts.all(uploadId, after, Math.max(0, limit)).map((r) => rowToPart(uploadId, r));
  }

  async completeMultipartUpload(
    uploadId: string,
    object: ObjectVersion,
    conditions?: WriteConditions,
  ): Promise<string[]> {
    return this.#write(() => {
      const upload = this.#uploadOf(object.bucket, object.key, uploadId);
      if (!upload) throw new UploadNotFoundError(uploadId);
      const partBlobs = this.#s.uploadPartBlobs.all(upload.id).map((r) => r.blob_id);
      const replaced = this.#writeObject(object, conditions);
      this.#s.deleteUploadParts.run(upload.id);
      this.#s.deleteUpload.run(upload.id);
      // Parts the object uses are now referenced by its row; the rest are retired.
      return this.#unreferenced([...partBlobs, ...replaced]);
    });
  }

  async abortMultipartUpload(bucket: string, key: string, uploadId: string): Promise<string[]> {
    return this.#write(() => {
      const upload = this.#uploadOf(bucket, key, uploadId);
      if (!upload) throw new UploadNotFoundError(uploadId);
      const partBlobs = this.#s.uploadPartBlobs.all(upload.id).map((r) => r.blob_id);
      this.#s.deleteUploadParts.run(upload.id);
      this.#s.deleteUpload.run(upload.id);
      return this.#unreferenced(partBlobs);
    });
  }

  async scanMultipartUploads(bucket: string, options: UploadScanOptions): Promise<MultipartUpload[]> {
    return this.#read(() => scanUploadRows(this.#s, bucket, options)).map(rowToUpload);
  }

  async unreferencedBlobs(blobIds: string[]): Promise<string[]> {
    return this.#unreferenced(blobIds);
  }

  async close(): Promise<void> {
    if (this.#pending.length > 0) this.#flush();
    if (this.#db.open) this.#db.close();
  }
}

/** If-Match / If-None-Match against the key's current object (a delete marker is no object). */
function checkConditions(latest: LatestHead | undefined, conditions: WriteConditions | undefined): void {
  if (!conditions) return;
  const current = latest?.kind === 'object' ? latest : undefined;
  if (conditions.ifMatch !== undefined) {
    if (!current) throw new WriteConditionFailedError('If-Match', 'missing');
    if (current.etag !== conditions.ifMatch) throw new WriteConditionFailedError('If-Match', 'mismatch');
  }
  if (conditions.ifNoneMatch && current) throw new WriteConditionFailedError('If-None-Match', 'mismatch');
}
