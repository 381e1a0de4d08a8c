/**
 * COMPOSITE multipart checksum (s3-core.md §9): the algorithm's checksum over the concatenated
 * binary part checksums, base64, then `-<part count>` — the same construction as the
 * multipart ETag, applied to the flexible checksum.
 */
import type { ChecksumAlgorithm } from '../checksum-algorithm.ts';
import { createChecksum } from './create-checksum.ts';
import { decodeChecksumValue } from './decode-checksum-value.ts';

/** `partChecksums` are the parts' base64 values in part-number order. */
export function compositeChecksum(algorithm: ChecksumAlgorithm, partChecksums: ReadonlyArray<string>): string {
  const checksum = createChecksum(algorithm);
  for (const value of partChecksums) {
    const bytes = decodeChecksumValue(algorithm, value);
    if (bytes === undefined) throw new RangeError(`not a ${algorithm} checksum: ${value}`);
    checksum.update(bytes);
  }
  return `${checksum.digest()}-${partChecksums.length}`;
}
