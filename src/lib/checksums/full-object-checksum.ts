/**
 * FULL_OBJECT multipart checksum (s3-core.md §9): the CRC of the whole object's bytes, as if it
 * had been uploaded in one piece — computed from the parts' CRCs and sizes alone, so completing
 * an upload never rereads its data. Value has no `-N` suffix.
 */
import { combineCrcParts, type CrcAlgorithm } from './crc-combine.ts';
import { decodeChecksumValue } from './decode-checksum-value.ts';

/** `parts` are in part-number order; `checksum` is each part's base64 CRC. */
export function fullObjectChecksum(
  algorithm: CrcAlgorithm,
  parts: ReadonlyArray<{ readonly checksum: string; readonly size: number }>,
): string {
  const decoded = parts.map((part) => {
    const checksum = decodeChecksumValue(algorithm, part.checksum);
    if (checksum === undefined) throw new RangeError(`not a ${algorithm} checksum: ${part.checksum}`);
    return { checksum, size: part.size };
  });
  return combineCrcParts(algorithm, decoded).toString('base64');
}
