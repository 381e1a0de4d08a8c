/**
 * Rows as SQLite returns them, and their mapping to the store's records. Structured fields
 * are JSON text; optional fields are NULL and come back absent, not `undefined`-valued.
 */
import type {
  BucketRecord,
  MultipartUpload,
  ObjectVersion,
  StoredVersion,
  UploadedPart,
} from '../types.ts';

export interface BucketRow {
  name: string;
  region: string;
  location_constraint: string;
  owner_account_id: string;
  owner_canonical_id: string;
  owner_display_name: string;
  created_at: number;
}

export interface VersionRow {
  id: number;
  bucket: string;
  key: string;
  version_id: string;
  is_latest: 0 | 1;
  kind: 'object' | 'delete-marker';
  last_modified: number;
  owner: string;
  size: number | null;
  etag: string | null;
  storage_class: string | null;
  headers: string | null;
  user_metadata: string | null;
  checksum: string | null;
  parts: string | null;
  segments: string;
  acl: string | null;
  tags: string | null;
  /** A small object's bytes (migration 2); listings do not select it. */
  inline_data?: Buffer | null;
}

export interface UploadRow {
  id: number;
  upload_id: string;
  bucket: string;
  key: string;
  initiated: number;
  owner: string;
  initiator: string;
  headers: string;
  user_metadata: string;
  storage_class: string;
  checksum_algorithm: string | null;
  checksum_type: string | null;
  acl: string | null;
  tags: string | null;
}

export interface PartRow {
  part_number: number;
  last_modified: number;
  size: number;
  etag: string;
  checksum: string | null;
  blob_id: string;
}

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

export function bucketToRow(b: BucketRecord): BucketRow {
  return {
    name: b.name,
    region: b.region,
    location_constraint: b.locationConstraint,
    owner_account_id: b.owner.accountId,
    owner_canonical_id: b.owner.canonicalId,
    owner_display_name: b.owner.displayName,
    created_at: b.createdAt,
  };
}

export function rowToBucket(r: BucketRow): BucketRecord {
  return {
    name: r.name,
    region: r.region,
    locationConstraint: r.location_constraint,
    owner: { accountId: r.owner_account_id, canonicalId: r.owner_canonical_id, displayName: r.owner_display_name },
    createdAt: r.created_at,
  };
}

/** Parameters for the version insert (everything but id and is_latest, which the store sets). */
export function objectToParams(v: ObjectVersion): Omit<VersionRow, 'id' | 'is_latest'> {
  return {
    bucket: v.bucket,
    key: v.key,
    version_id: v.versionId,
    kind: 'object',
    last_modified: v.lastModified,
    owner: JSON.stringify(v.owner),
    size: v.size,
    etag: v.etag,
    storage_class: v.storageClass,
    headers: JSON.stringify(v.headers),
    user_metadata: JSON.stringify(v.userMetadata),
    checksum: json(v.checksum),
    parts: json(v.parts),
    segments: JSON.stringify(v.segments),
    acl: json(v.acl),
    tags: json(v.tags),
    inline_data: v.inline ?? null,
  };
}

export function rowToVersion(r: VersionRow): StoredVersion {
  const common = {
    bucket: r.bucket,
    key: r.key,
    versionId: r.version_id,
    isLatest: r.is_latest === 1,
    lastModified: r.last_modified,
  };
  if (r.kind === 'delete-marker') return { kind: 'delete-marker', ...common, owner: JSON.parse(r.owner) };
  const v: ObjectVersion = {
    kind: 'object',
    ...common,
    size: r.size!,
    etag: r.etag!,
    headers: JSON.parse(r.headers!),
    userMetadata: JSON.parse(r.user_metadata!),
    storageClass: r.storage_class!,
    segments: JSON.parse(r.segments),
    owner: JSON.parse(r.owner),
  };
  if (r.checksum !== null) v.checksum = JSON.parse(r.checksum);
  if (r.parts !== null) v.parts = JSON.parse(r.parts);
  if (r.acl !== null) v.acl = JSON.parse(r.acl);
  if (r.tags !== null) v.tags = JSON.parse(r.tags);
  if (r.inline_data) v.inline = r.inline_data;
  return v;
}

export function rowToObject(r: VersionRow): ObjectVersion {
  return rowToVersion(r) as ObjectVersion;
}

export function blobIdsOf(r: Pick<VersionRow, 'segments'>): string[] {
  return (JSON.parse(r.segments) as Array<{ blobId: string }>).map((s) => s.blobId);
}

export function uploadToParams(u: MultipartUpload): Omit<UploadRow, 'id'> {
  return {
    upload_id: u.uploadId,
    bucket: u.bucket,
    key: u.key,
    initiated: u.initiated,
    owner: JSON.stringify(u.owner),
    initiator: JSON.stringify(u.initiator),
    headers: JSON.stringify(u.headers),
    user_metadata: JSON.stringify(u.userMetadata),
    storage_class: u.storageClass,
    checksum_algorithm: u.checksumAlgorithm ?? null,
    checksum_type: u.checksumType ?? null,
    acl: json(u.acl),
    tags: json(u.tags),
  };
}

export function rowToUpload(r: UploadRow): MultipartUpload {
  const u: MultipartUpload = {
    bucket: r.bucket,
    key: r.key,
    uploadId: r.upload_id,
    initiated: r.initiated,
    owner: JSON.parse(r.owner),
    initiator: JSON.parse(r.initiator),
    headers: JSON.parse(r.headers),
    userMetadata: JSON.parse(r.user_metadata),
    storageClass: r.storage_class,
  };
  if (r.checksum_algorithm !== null) u.checksumAlgorithm = r.checksum_algorithm as MultipartUpload['checksumAlgorithm'];
  if (r.checksum_type !== null) u.checksumType = r.checksum_type as MultipartUpload['checksumType'];
  if (r.acl !== null) u.acl = JSON.parse(r.acl);
  if (r.tags !== null) u.tags = JSON.parse(r.tags);
  return u;
}

export function partToParams(upload: number, p: UploadedPart): PartRow & { upload: number } {
  return {
    upload,
    part_number: p.partNumber,
    last_modified: p.lastModified,
    size: p.size,
    etag: p.etag,
    checksum: p.checksum ?? null,
    blob_id: p.blobId,
  };
}

export function rowToPart(uploadId: string, r: PartRow): UploadedPart {
  const p: UploadedPart = {
    uploadId,
    partNumber: r.part_number,
    lastModified: r.last_modified,
    size: r.size,
    etag: r.etag,
    blobId: r.blob_id,
  };
  if (r.checksum !== null) p.checksum = r.checksum;
  return p;
}
