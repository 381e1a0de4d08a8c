/**
 * Throughput of each checksum over 256 MiB in 64 KiB pieces (the size SDKs and sockets use).
 * Run: node --import tsx src/lib/checksums/checksums.bench.ts
 */
import { createHash, randomBytes } from 'node:crypto';
import { CHECKSUM_ALGORITHMS } from '../checksum-algorithm.ts';
import { createChecksum } from './create-checksum.ts';

const TOTAL = 256 * 1024 * 1024;
const piece = 64 * 1024;
const data = randomBytes(TOTAL);
const pieces: Buffer[] = [];
for (let i = 0; i < TOTAL; i += piece) pieces.push(data.subarray(i, i + piece));

function measure(name: string, run: () => void): void {
  run(); // warm up
  const started = process.hrtime.bigint();
  run();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`${name.padEnd(10)} ${(TOTAL / seconds / 1e6).toFixed(0).padStart(6)} MB/s`);
}

for (const algorithm of CHECKSUM_ALGORITHMS) {
  measure(algorithm, () => {
    const c = createChecksum(algorithm);
    for (const p of pieces) c.update(p);
    c.digest();
  });
}
measure('MD5', () => {
  const h = createHash('md5');
  for (const p of pieces) h.update(p);
  h.digest();
});
