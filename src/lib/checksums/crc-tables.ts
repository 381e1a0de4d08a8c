/**
 * Slice-by-8 lookup tables for reflected CRCs (the bit order S3's CRC32C and CRC64NVME use).
 * Table k maps a byte to its contribution k bytes further down the stream, so the inner loops
 * consume eight bytes with eight independent lookups instead of eight dependent ones.
 *
 * The tables are built once per algorithm module and never written after construction.
 */

/** Slice-by-8 tables of a 32-bit reflected polynomial: `tables[k][byte]`. */
export function sliceTables32(reflectedPoly: number): Int32Array[] {
  const tables = Array.from({ length: 8 }, () => new Int32Array(256));
  const t0 = tables[0]!;
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ reflectedPoly : c >>> 1;
    t0[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = t0[n]!;
    for (let k = 1; k < 8; k++) {
      c = t0[c & 0xff]! ^ (c >>> 8);
      tables[k]![n] = c;
    }
  }
  return tables;
}

/**
 * Slice-by-8 tables of a 64-bit reflected polynomial, split into low and high 32-bit halves so
 * the inner loop works on plain numbers (BigInt would allocate on every step).
 */
export function sliceTables64(reflectedPoly: bigint): { lo: Int32Array[]; hi: Int32Array[] } {
  const lo = Array.from({ length: 8 }, () => new Int32Array(256));
  const hi = Array.from({ length: 8 }, () => new Int32Array(256));
  const mask = 0xffffffffffffffffn;
  const t0: bigint[] = [];
  for (let n = 0; n < 256; n++) {
    let c = BigInt(n);
    for (let k = 0; k < 8; k++) c = c & 1n ? (c >> 1n) ^ reflectedPoly : c >> 1n;
    t0.push(c);
  }
  for (let n = 0; n < 256; n++) {
    let c = t0[n]!;
    for (let k = 0; k < 8; k++) {
      if (k > 0) c = (t0[Number(c & 0xffn)]! ^ (c >> 8n)) & mask;
      lo[k]![n] = Number(c & 0xffffffffn) | 0;
      hi[k]![n] = Number(c >> 32n) | 0;
    }
  }
  return { lo, hi };
}
