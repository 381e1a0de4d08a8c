/**
 * Decodes an `x-amz-checksum-*` value (header, trailer or CompleteMultipartUpload element):
 * base64 of exactly the algorithm's digest length. Anything else is what AWS answers with
 * `Value for x-amz-checksum-crc32 header is invalid.` (s3-core.md §9).
 */
import { CHECKSUM_BYTES, type ChecksumAlgorithm } from '../checksum-algorithm.ts';

/** The digest bytes, or undefined when `text` is not the canonical base64 of the right length. */
export function decodeChecksumValue(algorithm: ChecksumAlgorithm, text: string): Buffer | undefined {
  const expected = CHECKSUM_BYTES[algorithm];
  // Canonical base64 of n bytes is 4·ceil(n/3) characters; checking the length first keeps
  // huge header values from being decoded at all.
  if (text.length !== 4 * Math.ceil(expected / 3)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  // Buffer's decoder skips foreign characters; re-encoding proves the text was canonical.
  if (bytes.length !== expected || bytes.toString('base64') !== text) return undefined;
  return bytes;
}
