/** The flexible-checksum algorithms S3 accepts (../shared/spec/s3-core.md §9). */
export const CHECKSUM_ALGORITHMS = ['CRC32', 'CRC32C', 'CRC64NVME', 'SHA1', 'SHA256'] as const;
export type ChecksumAlgorithm = (typeof CHECKSUM_ALGORITHMS)[number];

/** `x-amz-checksum-crc32` ↔ `CRC32` */
export function checksumHeaderName(algorithm: ChecksumAlgorithm): string {
  return 'x-amz-checksum-' + algorithm.toLowerCase();
}

export function parseChecksumAlgorithm(text: string): ChecksumAlgorithm | undefined {
  const upper = text.toUpperCase();
  return (CHECKSUM_ALGORITHMS as readonly string[]).includes(upper) ? (upper as ChecksumAlgorithm) : undefined;
}

/** Base64 length of each digest: CRC32/CRC32C 8, CRC64NVME 12, SHA1 28, SHA256 44. */
export const CHECKSUM_BYTES: Record<ChecksumAlgorithm, number> = {
  CRC32: 4,
  CRC32C: 4,
  CRC64NVME: 8,
  SHA1: 20,
  SHA256: 32,
};
