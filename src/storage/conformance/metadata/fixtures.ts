/** Records for the metadata conformance tests: complete, valid, and easy to vary. */
import type {
  BucketRecord,
  MultipartUpload,
  ObjectVersion,
  Owner,
  StoredVersion,
  UploadedPart,
} from '../../types.ts';

export const alice: Owner = { accountId: '111111111111', canonicalId: 'a'.repeat(64), displayName: 'alice' };
export const bob: Owner = { accountId: '222222222222', canonicalId: 'b'.repeat(64), displayName: 'bob' };

export const T0 = Date.UTC(2025, 0, 1);

export function bucket(name: string, owner: Owner = alice): BucketRecord {
  return { name, region: 'us-east-1', locationConstraint: '', owner, createdAt: T0 };
}

/** An unversioned object whose one segment is `blob-<key>` unless `segments` says otherwise. */
export function object(bucketName: string, key: string, fields: Partial<ObjectVersion> = {}): ObjectVersion {
  return {
    kind: 'object',
    bucket: bucketName,
    key,
    versionId: 'null',
    isLatest: true,
    lastModified: T0,
    size: 5,
    etag: '5d41402abc4b2a76b9719d911017c592',
    headers: {},
    userMetadata: [],
    storageClass: 'STANDARD',
    segments: [{ blobId: `blob-${key}`, size: 5 }],
    owner: alice,
    ...fields,
  };
}

/** An object with every optional field set, to check nothing is lost on the way through. */
export function richObject(bucketName: string, key: string): ObjectVersion {
  return object(bucketName, key, {
    size: 11,
    etag: 'e747540af6911dbc890f8d3e0b48549b-2',
    headers: {
      contentType: 'text/plain; charset=utf-8',
      contentEncoding: 'gzip',
      contentDisposition: 'attachment; filename="a b.txt"',
      contentLanguage: 'de-CH',
      cacheControl: 'no-cache',
      expires: 'Wed, 21 Oct 2015 07:28:00 GMT',
      websiteRedirectLocation: '/elsewhere',
    },
    // Order as received, not sorted: S3 returns them the way they came.
    userMetadata: [
      ['zeta', 'last letter'],
      ['alpha', 'ünïcödé 😀'],
      ['m', ''],
    ],
    storageClass: 'STANDARD_IA',
    checksum: { algorithm: 'CRC32', type: 'COMPOSITE', value: 'AAAAAA==-2' },
    parts: [{ size: 6, checksum: 'AAAAAA==' }, { size: 5 }],
    segments: [
      { blobId: `blob-${key}-1`, size: 6 },
      { blobId: `blob-${key}-2`, size: 5 },
    ],
    owner: bob,
    acl: { grants: [{ grantee: { type: 'CanonicalUser', id: 'b'.repeat(64) }, permission: 'FULL_CONTROL' }] },
    tags: [
      ['project', 'coffer'],
      ['a', 'b'],
    ],
  });
}

export function upload(bucketName: string, key: string, uploadId: string, fields: Partial<MultipartUpload> = {}) {
  const u: MultipartUpload = {
    bucket: bucketName,
    key,
    uploadId,
    initiated: T0,
    owner: alice,
    initiator: { id: 'arn:aws:iam::111111111111:user/alice', displayName: 'alice' },
    headers: { contentType: 'application/octet-stream' },
    userMetadata: [['origin', 'test']],
    storageClass: 'STANDARD',
    ...fields,
  };
  return u;
}

export function part(uploadId: string, partNumber: number, blobId: string, fields: Partial<UploadedPart> = {}) {
  const p: UploadedPart = {
    uploadId,
    partNumber,
    lastModified: T0 + partNumber,
    size: 5 * 1024 * 1024,
    etag: partNumber.toString(16).padStart(32, '0'),
    blobId,
    ...fields,
  };
  return p;
}

/**
 * Keys that trip up naive stores: non-ASCII in every UTF-8 length, the top of the BMP next to
 * supplementary characters (UTF-16 and UTF-8 order disagree there), URL and path specials,
 * and a 1024-byte key (S3's maximum).
 */
export const TRICKY_KEYS: readonly string[] = [
  'a',
  'a/',
  'a//b',
  'a/b',
  'a b',
  'a+b',
  'a%2Fb',
  '../etc/passwd',
  'café',
  'cafe\u0301',
  '日本語/ファイル',
  '\ud7ff',
  '\ue000',
  '\uffef',
  '\ufffd',
  '\uffff',
  '😀',
  '😀/x',
  '\u{10000}',
  '\u{10ffff}',
  '\u{10ffff}\u{10ffff}',
  'trailing/',
  'Z',
  '~',
  'é'.repeat(512), // 1024 bytes
  'k'.repeat(1024),
];

export function byUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export const keysOf = (versions: readonly StoredVersion[]): string[] => versions.map((v) => v.key);

export const sorted = (ids: readonly string[]): string[] => [...ids].sort();
