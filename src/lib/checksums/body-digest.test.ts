/** BodyDigest: one pass, every digest, no copies. */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBodyDigest } from './body-digest.ts';
import { createChecksum } from './create-checksum.ts';

async function run(data: Buffer[], options: Parameters<typeof createBodyDigest>[0]) {
  const digest = createBodyDigest(options);
  const seen: Buffer[] = [];
  await pipeline(
    Readable.from(data, { objectMode: false }),
    digest,
    new Writable({
      write(chunk: Buffer, _e, cb) {
        seen.push(chunk);
        cb();
      },
    }),
  );
  return { result: digest.result(), seen };
}

describe('BodyDigest', () => {
  it('MD5 always; SHA-256 and checksums on request; chunks passed through unchanged', async () => {
    const data = [randomBytes(100_000), randomBytes(3), randomBytes(65536)];
    const whole = Buffer.concat(data);
    const { result, seen } = await run(data, { sha256: true, checksums: ['CRC32', 'CRC64NVME', 'SHA256', 'SHA1', 'CRC32C'] });
    assert.equal(result.size, whole.length);
    assert.equal(result.md5.toString('hex'), createHash('md5').update(whole).digest('hex'));
    assert.equal(result.sha256, createHash('sha256').update(whole).digest('hex'));
    for (const algorithm of ['CRC32', 'CRC32C', 'CRC64NVME', 'SHA1', 'SHA256'] as const) {
      const c = createChecksum(algorithm);
      c.update(whole);
      assert.equal(result.checksums.get(algorithm), c.digest(), algorithm);
    }
    assert.equal(seen.length, data.length);
    seen.forEach((chunk, i) => assert.ok(chunk === data[i], 'the same Buffer object goes downstream'));
  });

  it('the empty body: d41d8cd9… MD5 and the CRC64NVME S3 reports for it', async () => {
    const { result } = await run([], { checksums: ['CRC64NVME'] });
    assert.equal(result.size, 0);
    assert.equal(result.md5.toString('hex'), 'd41d8cd98f00b204e9800998ecf8427e');
    assert.equal(result.sha256, undefined);
    assert.equal(result.checksums.get('CRC64NVME'), 'AAAAAAAAAAA=');
  });

  it('only what was asked for', async () => {
    const { result } = await run([Buffer.from('x')], { checksums: ['SHA256'] });
    assert.equal(result.sha256, undefined);
    assert.deepEqual([...result.checksums.keys()], ['SHA256']);
  });

  it('result() before the end throws', () => {
    assert.throws(() => createBodyDigest().result(), /not ended/);
  });
});
