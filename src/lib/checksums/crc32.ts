/**
 * CRC32 (ISO-HDLC, the zlib polynomial), as S3's `x-amz-checksum-crc32`. Node 20's native
 * `zlib.crc32` is several GB/s, far faster than any table in JavaScript.
 */
import { crc32 } from 'node:zlib';

/** Continues `crc` (the finished CRC of the bytes so far, 0 at the start) over `data`. */
export function updateCrc32(crc: number, data: Uint8Array): number {
  return crc32(data, crc);
}
