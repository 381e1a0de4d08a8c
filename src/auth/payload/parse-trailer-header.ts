/**
 * Parses `x-amz-trailer` (sigv4.md §5.1, §5.5): the comma-separated names of the trailing
 * headers an aws-chunked body will carry, lower-cased and de-duplicated.
 */
import { parseChecksumAlgorithm } from '../../lib/checksum-algorithm.ts';
import { invalidRequest } from '../../s3/errors/s3-error.ts';

/**
 * `x-amz-trailer: x-amz-checksum-crc32c` → ['x-amz-checksum-crc32c']. Only checksum trailers
 * exist; anything else gets versitygw's text (sigv4.md §5.5, marked uncertain).
 */
export function parseTrailerHeader(value: string | undefined): string[] {
  if (value === undefined) return [];
  const names: string[] = [];
  for (const part of value.split(',')) {
    const name = part.trim().toLowerCase();
    if (name === '') continue;
    const supported = name.startsWith('x-amz-checksum-') && parseChecksumAlgorithm(name.slice(15)) !== undefined;
    if (!supported) throw invalidRequest('The value specified in the x-amz-trailer header is not supported');
    if (!names.includes(name)) names.push(name);
  }
  return names;
}
