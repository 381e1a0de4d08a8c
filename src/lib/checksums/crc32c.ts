/**
 * CRC32C (Castagnoli), as S3's `x-amz-checksum-crc32c`: reflected polynomial 0x82F63B78,
 * initial value and final xor 0xFFFFFFFF. Pure TypeScript, slice-by-8.
 */
import { sliceTables32 } from './crc-tables.ts';

const [T0, T1, T2, T3, T4, T5, T6, T7] = sliceTables32(0x82f63b78) as [
  Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array,
];

/** Continues `crc` (the finished CRC of the bytes so far, 0 at the start) over `data`. */
export function updateCrc32c(crc: number, data: Uint8Array): number {
  let c = ~crc;
  const n = data.length;
  const end8 = n - (n & 7);
  let i = 0;
  while (i < end8) {
    const a = c ^ (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24));
    c =
      T7[a & 0xff]! ^
      T6[(a >>> 8) & 0xff]! ^
      T5[(a >>> 16) & 0xff]! ^
      T4[a >>> 24]! ^
      T3[data[i + 4]!]! ^
      T2[data[i + 5]!]! ^
      T1[data[i + 6]!]! ^
      T0[data[i + 7]!]!;
    i += 8;
  }
  while (i < n) c = T0[(c ^ data[i++]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}
