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
  policy: {
    text: string;
    /**
     * The unique id (AIDA…, AROA…) of each IAM user and role ARN the policy names, as resolved
     * when it was stored: the policy keeps meaning that entity, not a later one of the same name.
     * Absent in policies stored before Coffer kept it (those match by ARN).
     */
    principalIds?: Record<string, string>;
  };
  cors: { rules: CorsRule[] };
  acl: StoredAcl;
  ownership: { objectOwnership: ObjectOwnership };
  'public-access-block': PublicAccessBlock;
  tagging: { tags: Array<[string, string]> };
}
export type BucketConfigKind = keyof BucketConfigs;

/** Object Ownership of a bucket (../shared/spec/policy-evaluation.md §8.3). */
export type ObjectOwnership = 'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter';

/** A bucket's Block Public Access settings (policy-evaluation.md §8.4). */
export interface PublicAccessBlock {
  blockPublicAcls: boolean;
  ignorePublicAcls: boolean;
  blockPublicPolicy: boolean;
  restrictPublicBuckets: boolean;
}

/** ACL permissions (policy-evaluation.md §8.1). */
export type AclPermission = 'FULL_CONTROL' | 'READ' | 'WRITE' | 'READ_ACP' | 'WRITE_ACP';

/** Who a grant is for: an account by canonical id (or, before resolution, by e-mail), or a group. */
export type AclGrantee =
  | { type: 'CanonicalUser'; id: string; displayName?: string }
  | { type: 'AmazonCustomerByEmail'; emailAddress: string }
  | { type: 'Group'; uri: string };

export interface AclGrant {
  grantee: AclGrantee;
  permission: AclPermission;
}

/**
 * A bucket's or an object's ACL as stored: the grants only. Its Owner is the resource's owner
 * (BucketRecord.owner / ObjectVersion.owner), kept in one place so the two cannot disagree.
 * E-mail grantees are resolved to CanonicalUser before they are stored, as AWS does.
 */
export interface StoredAcl {
  grants: AclGrant[];
}

/** The methods a CORS rule may allow (../shared/spec/s3-core.md §10.1). */
export type CorsMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'HEAD';

/**
 * One CORSRule as PutBucketCors received it: values verbatim (header case kept) and in the order
 * sent, because GetBucketCors returns them as stored.
 */
export interface CorsRule {
  id?: string;
  allowedHeaders: string[];
  allowedMethods: CorsMethod[];
  allowedOrigins: string[];
  exposeHeaders: string[];
  maxAgeSeconds?: number;
}

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
  /**
   * A small object's bytes, kept in the metadata store itself (segments is then empty). Set on
   * single reads (getObject); listings leave it out.
   */
  inline?: Buffer;
  owner: Owner;
  /** The object's ACL (absent on objects written before ACLs were kept: private); and tags. */
  acl?: StoredAcl;
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
  /** Opaque to the store: a StoredAcl written by CreateMultipartUpload (read it with isStoredAcl). */
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
