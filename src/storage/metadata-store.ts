/**
 * MetadataStore: buckets, bucket configurations, object versions and multipart uploads.
 * Every method is atomic on its own and asynchronous (the SQLite store answers at once; a
 * networked store later will not). Methods that retire blobs return their ids: the caller
 * deletes those blobs *after* the method returned, so a crash leaves an orphan blob (swept at
 * start) and never a row pointing at nothing.
 *
 * Implementations: sqlite/ (the embedded default). All pass conformance/metadata-store.suite.ts.
 */
import type {
  BucketConfigKind,
  BucketConfigs,
  BucketRecord,
  MultipartUpload,
  ObjectVersion,
  ScanCursor,
  StoredVersion,
  UploadedPart,
} from './types.ts';

export interface WriteConditions {
  /** Commit only if the current latest version is an object with this ETag (no quotes). */
  ifMatch?: string;
  /** Commit only if no current object exists (`If-None-Match: *`). */
  ifNoneMatch?: boolean;
}

export interface ScanOptions {
  prefix: string;
  /** Start of the scan; absent = from the first key with `prefix`. */
  cursor?: ScanCursor;
  limit: number;
}

export interface VersionScanOptions {
  prefix: string;
  /** Resume after this key (all of its versions when `versionId` is absent). */
  keyMarker?: string;
  /** Resume after this version of `keyMarker`. */
  versionIdMarker?: string;
  /** Instead of keyMarker: start at this key, inclusive (used to skip delimiter groups). */
  cursor?: ScanCursor;
  limit: number;
}

export interface UploadScanOptions {
  prefix: string;
  keyMarker?: string;
  uploadIdMarker?: string;
  cursor?: ScanCursor;
  limit: number;
}

export interface MetadataStore {
  /** Throws BucketExistsError (with the existing owner) if the name is taken. */
  createBucket(bucket: BucketRecord): Promise<void>;
  getBucket(name: string): Promise<BucketRecord | undefined>;
  /** The bucket and all its configurations in one read: what every request to it needs. */
  getBucketState(name: string): Promise<{ bucket: BucketRecord; configs: Partial<BucketConfigs> } | undefined>;
  /** Buckets of one owner account (all when undefined), sorted by name. */
  listBuckets(ownerAccountId?: string): Promise<BucketRecord[]>;
  /**
   * Deletes the bucket, its configurations and any open multipart uploads. Throws
   * BucketNotFoundError, or BucketNotEmptyError if any object version or delete marker remains.
   * Returns blob ids of discarded upload parts.
   */
  deleteBucket(name: string): Promise<string[]>;

  getBucketConfig<K extends BucketConfigKind>(bucket: string, kind: K): Promise<BucketConfigs[K] | undefined>;
  /** Every configuration of a bucket in one read (the authorizer needs several per request). */
  getBucketConfigs(bucket: string): Promise<Partial<BucketConfigs>>;
  /** Throws BucketNotFoundError. */
  putBucketConfig<K extends BucketConfigKind>(bucket: string, kind: K, value: BucketConfigs[K]): Promise<void>;
  deleteBucketConfig(bucket: string, kind: BucketConfigKind): Promise<void>;

  /** The latest version (object or delete marker) of a key, or a specific version. */
  getObject(bucket: string, key: string, versionId?: string): Promise<StoredVersion | undefined>;
  /**
   * Makes `version` the latest version of its key. In an unversioned bucket (versionId 'null')
   * it replaces the existing 'null' version. Checks `conditions` inside the same transaction
   * (throws WriteConditionFailedError). Throws BucketNotFoundError if the bucket vanished.
   * Returns the blob ids no longer referenced.
   */
  putObject(version: ObjectVersion, conditions?: WriteConditions): Promise<string[]>;
  /**
   * Removes one version (versionId given) or, without versionId, the 'null' version (the
   * unversioned object). Removing the latest version makes the next newest one latest.
   * Returns the removed version (undefined if there was none) and the blob ids to delete.
   */
  deleteObject(bucket: string, key: string, versionId?: string): Promise<{ removed?: StoredVersion; blobs: string[] }>;
  /**
   * Replaces the ACL of one object version in place (PutObjectAcl): nothing else of the row
   * changes, so no concurrent write can be undone by it. Returns false when that version is gone.
   */
  putObjectAcl(bucket: string, key: string, versionId: string, acl: ObjectVersion['acl']): Promise<boolean>;
  /** Latest versions that are objects (not delete markers), in UTF-8 byte order of key. */
  scanObjects(bucket: string, options: ScanOptions): Promise<ObjectVersion[]>;
  /** All versions and delete markers: keys ascending, versions of a key newest first. */
  scanVersions(bucket: string, options: VersionScanOptions): Promise<StoredVersion[]>;
  /** Any object version or delete marker in the bucket? */
  hasObjects(bucket: string): Promise<boolean>;

  /** Throws BucketNotFoundError. */
  createMultipartUpload(upload: MultipartUpload): Promise<void>;
  getMultipartUpload(bucket: string, key: string, uploadId: string): Promise<MultipartUpload | undefined>;
  /** Adds or replaces a part. Throws UploadNotFoundError. Returns replaced blob ids. */
  putPart(part: UploadedPart): Promise<string[]>;
  /** Parts with number > `after`, ascending, at most `limit`. */
  listParts(uploadId: string, after: number, limit: number): Promise<UploadedPart[]>;
  /**
   * Atomically: writes `object` as the latest version (checking `conditions`), and removes the
   * upload and all its parts. Throws UploadNotFoundError if the upload is gone (completed or
   * aborted concurrently). Returns blob ids no longer referenced (unused parts, replaced object).
   */
  completeMultipartUpload(uploadId: string, object: ObjectVersion, conditions?: WriteConditions): Promise<string[]>;
  /** Throws UploadNotFoundError. Returns the parts' blob ids. */
  abortMultipartUpload(bucket: string, key: string, uploadId: string): Promise<string[]>;
  /** Open uploads: key ascending, then initiation time ascending. */
  scanMultipartUploads(bucket: string, options: UploadScanOptions): Promise<MultipartUpload[]>;

  /** Which of these blob ids no row refers to (for the orphan sweep). */
  unreferencedBlobs(blobIds: string[]): Promise<string[]>;

  close(): Promise<void>;
}
