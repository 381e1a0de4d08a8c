/**
 * The records the metadata store keeps. Plain data, no behaviour; S3 meaning lives above.
 * Times are epoch milliseconds. Keys and names are JS strings compared as UTF-8 bytes.
 */
import type { ChecksumAlgorithm } from '../lib/checksum-algorithm.ts';

export interface Owner {
  /** 12-digit account id of the owning account. */
  accountId: string;
  /** 64-hex canonical user id of the owning account (what ACLs and listings show). */
  canonicalId: string;
  displayName: string;
}

export interface BucketRecord {
  name: string;
  region: string;
  /** The LocationConstraint as given at creation ('' for us-east-1 buckets, 'EU' kept as is). */
  locationConstraint: string;
  owner: Owner;
  createdAt: number;
}

/** Bucket configurations, each stored and replaced whole; the value types grow per issue. */
export interface BucketConfigs {
  versioning: { status: 'Enabled' | 'Suspended'; mfaDelete?: 'Enabled' | 'Disabled' };
  policy: { text: string };
  cors: { rules: unknown[] };
  acl: unknown;
  ownership: { objectOwnership: 'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter' };
  'public-access-block': {
    blockPublicAcls: boolean;
    ignorePublicAcls: boolean;
    blockPublicPolicy: boolean;
    restrictPublicBuckets: boolean;
  };
  tagging: { tags: Array<[string, string]> };
}
export type BucketConfigKind = keyof BucketConfigs;

/** A stored checksum: base64 digest (COMPOSITE values carry their `-N` suffix). */
export interface StoredChecksum {
  algorithm: ChecksumAlgorithm;
  type: 'FULL_OBJECT' | 'COMPOSITE';
  value: string;
}

/** One piece of an object's bytes in the blob store; a multipart object has one per part. */
export interface BlobSegment {
  blobId: string;
  size: number;
}

/** The HTTP headers S3 stores with an object and returns on GET/HEAD. */
export interface StoredHeaders {
  contentType?: string;
  contentEncoding?: string;
  contentDisposition?: string;
  contentLanguage?: string;
  cacheControl?: string;
  expires?: string;
  websiteRedirectLocation?: string;
}

export interface ObjectVersion {
  kind: 'object';
  bucket: string;
  key: string;
  /** `null` for objects written while the bucket was unversioned. */
  versionId: string;
  isLatest: boolean;
  lastModified: number;
  size: number;
  /** Without quotes: hex MD5, or `<hex>-<N>` for multipart objects. */
  etag: string;
  headers: StoredHeaders;
  /** User metadata names lower-cased (without `x-amz-meta-`), in the order received. */
  userMetadata: Array<[string, string]>;
  storageClass: string;
  checksum?: StoredChecksum;
  /** For multipart objects: each part's size and checksum, for GET ?partNumber=. */
  parts?: Array<{ size: number; checksum?: string }>;
  segments: BlobSegment[];
  owner: Owner;
  /** Opaque to the store: the object's ACL (issue 4) and tags. */
  acl?: unknown;
  tags?: Array<[string, string]>;
}

export interface DeleteMarker {
  kind: 'delete-marker';
  bucket: string;
  key: string;
  versionId: string;
  isLatest: boolean;
  lastModified: number;
  owner: Owner;
}

export type StoredVersion = ObjectVersion | DeleteMarker;

export interface MultipartUpload {
  bucket: string;
  key: string;
  uploadId: string;
  initiated: number;
  owner: Owner;
  /** Who started it (ARN and id), for ListParts/ListMultipartUploads `Initiator`. */
  initiator: { id: string; displayName: string };
  headers: StoredHeaders;
  userMetadata: Array<[string, string]>;
  storageClass: string;
  checksumAlgorithm?: ChecksumAlgorithm;
  checksumType?: 'FULL_OBJECT' | 'COMPOSITE';
  acl?: unknown;
  tags?: Array<[string, string]>;
}

export interface UploadedPart {
  uploadId: string;
  partNumber: number;
  lastModified: number;
  size: number;
  /** Hex MD5 of the part, no quotes. */
  etag: string;
  /** Base64 of the part's checksum in the upload's algorithm, if any. */
  checksum?: string;
  blobId: string;
}

/** Where a key scan starts: strictly after `key`, or at it (`inclusive`). */
export interface ScanCursor {
  key: string;
  inclusive: boolean;
}
