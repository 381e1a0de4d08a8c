/**
 * CRC64NVME (the NVMe spec's CRC-64, "CRC-64/NVME"), as S3's `x-amz-checksum-crc64nvme` and the
 * checksum S3 computes itself when a client sends none: reflected polynomial 0x9A6C9329AC4BC9B5,
 * initial value and final xor all ones. Slice-by-8 with the 64-bit state held as two 32-bit
 * halves, so the inner loop needs no BigInt.
 */
import { sliceTables64 } from './crc-tables.ts';

type Tables8 = [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
const TABLES = sliceTables64(0x9a6c9329ac4bc9b5n);
const [L0, L1, L2, L3, L4, L5, L6, L7] = TABLES.lo as Tables8;
const [H0, H1, H2, H3, H4, H5, H6, H7] = TABLES.hi as Tables8;

/** A running CRC64NVME: the finished CRC so far as two unsigned 32-bit halves (0, 0 at the start). */
export interface Crc64State {
  hi: number;
  lo: number;
}

/** Continues `state` over `data`, in place. */
export function updateCrc64Nvme(state: Crc64State, data: Uint8Array): void {
  let lo = ~state.lo;
  let hi = ~state.hi;
  const n = data.length;
  const end8 = n - (n & 7);
  let i = 0;
  while (i < end8) {
    const a = lo ^ (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24));
    const b = hi ^ (data[i + 4]! | (data[i + 5]! << 8) | (data[i + 6]! << 16) | (data[i + 7]! << 24));
    const a0 = a & 0xff, a1 = (a >>> 8) & 0xff, a2 = (a >>> 16) & 0xff, a3 = a >>> 24;
    const b0 = b & 0xff, b1 = (b >>> 8) & 0xff, b2 = (b >>> 16) & 0xff, b3 = b >>> 24;
    lo = L7[a0]! ^ L6[a1]! ^ L5[a2]! ^ L4[a3]! ^ L3[b0]! ^ L2[b1]! ^ L1[b2]! ^ L0[b3]!;
    hi = H7[a0]! ^ H6[a1]! ^ H5[a2]! ^ H4[a3]! ^ H3[b0]! ^ H2[b1]! ^ H1[b2]! ^ H0[b3]!;
    i += 8;
  }
  while (i < n) {
    const x = (lo ^ data[i++]!) & 0xff;
    lo = ((lo >>> 8) | (hi << 24)) ^ L0[x]!;
    hi = (hi >>> 8) ^ H0[x]!;
  }
  state.lo = ~lo >>> 0;
  state.hi = ~hi >>> 0;
}

/** The 8-byte big-endian digest of a state, as S3 encodes it. */
export function crc64Bytes(state: Crc64State): Buffer {
  const out = Buffer.allocUnsafe(8);
  out.writeUInt32BE(state.hi, 0);
  out.writeUInt32BE(state.lo, 4);
  return out;
}
