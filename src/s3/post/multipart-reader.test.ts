import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { S3Error } from '../errors/s3-error.ts';
import { MultipartReader } from './multipart-reader.ts';
import { BOUNDARY, chunked, multipartBody } from './testing/multipart-body.ts';

async function readAllParts(reader: MultipartReader): Promise<Array<{ name: string; filename?: string; body: string }>> {
  const out: Array<{ name: string; filename?: string; body: string }> = [];
  for (let part = await reader.nextPart(); part !== undefined; part = await reader.nextPart()) {
    const body = await reader.readBody(Infinity);
    out.push({ name: part.name, ...(part.filename !== undefined ? { filename: part.filename } : {}), body: body.toString('latin1') });
  }
  return out;
}

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (e: unknown) => e instanceof S3Error && e.code === code);
}

describe('MultipartReader', () => {
  // Content that looks like delimiters without being one, CRs and LFs at the edges.
  const tricky = `\r\n--${BOUNDARY.slice(0, -1)}x\r\n--${BOUNDARY.slice(0, 10)}\r\n-\r`;
  const body = Buffer.concat([
    Buffer.from('preamble, ignored\r\n'),
    multipartBody([
      ['key', 'user/${filename}'],
      ['empty', ''],
      { name: 'file', filename: 'a \\"b\\".txt', contentType: 'text/plain', data: tricky },
      ['after', 'ignored'],
    ]),
    Buffer.from('epilogue, ignored'),
  ]);
  const expected = [
    { name: 'key', body: 'user/${filename}' },
    { name: 'empty', body: '' },
    { name: 'file', filename: 'a "b".txt', body: tricky },
    { name: 'after', body: 'ignored' },
  ];

  for (const size of [1, 2, 3, 7, 64, 1 << 16]) {
    it(`parses the same parts whatever the chunking (${size} bytes)`, async () => {
      const reader = new MultipartReader(chunked(body, size), BOUNDARY);
      const parts = await readAllParts(reader);
      assert.deepEqual(
        parts.map((p) => p.name),
        expected.map((p) => p.name),
      );
      assert.deepEqual(parts[2], expected[2]);
      assert.equal(parts[3]!.body, 'ignored');
      await reader.finish();
    });
  }

  it('streams a large binary part in pieces, byte-exact', async () => {
    const data = randomBytes(300_000);
    const reader = new MultipartReader(chunked(multipartBody([{ name: 'file', filename: 'x', data }]), 65_536), BOUNDARY);
    const part = await reader.nextPart();
    assert.equal(part?.name, 'file');
    const pieces: Buffer[] = [];
    for (let c = await reader.readChunk(); c !== undefined; c = await reader.readChunk()) pieces.push(c);
    assert.ok(pieces.length > 1);
    assert.ok(Buffer.concat(pieces).equals(data));
    await reader.finish();
  });

  it('accepts transport padding after a delimiter and LWSP-folded headers', async () => {
    const raw = `--${BOUNDARY}  \t\r\nContent-Disposition: form-data;\r\n name="a"\r\n\r\nA\r\n--${BOUNDARY}--`;
    const parts = await readAllParts(new MultipartReader(chunked(Buffer.from(raw), 5), BOUNDARY));
    assert.deepEqual(parts, [{ name: 'a', body: 'A' }]);
  });

  it('a body without its close delimiter is MalformedPOSTRequest', async () => {
    const reader = new MultipartReader(chunked(multipartBody([['a', 'b']], { close: false }), 4), BOUNDARY);
    await rejectsWith(readAllParts(reader), 'MalformedPOSTRequest');
  });

  it('a body without any delimiter is MalformedPOSTRequest', async () => {
    await rejectsWith(readAllParts(new MultipartReader(chunked(Buffer.from('just text'), 4), BOUNDARY)), 'MalformedPOSTRequest');
  });

  it('garbage after a delimiter, a part without Content-Disposition or name, is MalformedPOSTRequest', async () => {
    for (const raw of [
      `--${BOUNDARY}garbage\r\n\r\nx\r\n--${BOUNDARY}--`,
      `--${BOUNDARY}\r\nContent-Type: text/plain\r\n\r\nx\r\n--${BOUNDARY}--`,
      `--${BOUNDARY}\r\nContent-Disposition: form-data\r\n\r\nx\r\n--${BOUNDARY}--`,
      `--${BOUNDARY}\r\nContent-Disposition: attachment; name="a"\r\n\r\nx\r\n--${BOUNDARY}--`,
      `--${BOUNDARY}\r\nno colon here\r\n\r\nx\r\n--${BOUNDARY}--`,
    ]) {
      await rejectsWith(readAllParts(new MultipartReader(chunked(Buffer.from(raw), 3), BOUNDARY)), 'MalformedPOSTRequest');
    }
  });

  it('limits what nextPart and readBody take: MaxPostPreDataLengthExceededError', async () => {
    const big = multipartBody([['a', 'x'.repeat(1000)]]);
    const reader = new MultipartReader(chunked(big, 100), BOUNDARY);
    await reader.nextPart(500);
    await rejectsWith(reader.readBody(500), 'MaxPostPreDataLengthExceededError');

    const longHeader = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${'n'.repeat(2000)}"\r\n\r\nx\r\n--${BOUNDARY}--`);
    await rejectsWith(new MultipartReader(chunked(longHeader, 100), BOUNDARY).nextPart(500), 'MaxPostPreDataLengthExceededError');

    const preamble = Buffer.concat([Buffer.from('p'.repeat(2000) + '\r\n'), multipartBody([['a', 'b']])]);
    await rejectsWith(new MultipartReader(chunked(preamble, 100), BOUNDARY).nextPart(500), 'MaxPostPreDataLengthExceededError');
  });

  it('tracks its position in the body', async () => {
    const raw = multipartBody([['a', 'hello']]);
    const reader = new MultipartReader(chunked(raw, 1000), BOUNDARY);
    await reader.nextPart();
    const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="a"\r\n\r\n`;
    assert.equal(reader.position, head.length);
  });

  it('discardRest lets the source flow to its end', async () => {
    const source = chunked(Buffer.alloc(1_000_000), 1000);
    const reader = new MultipartReader(source, BOUNDARY);
    reader.discardRest();
    await new Promise((resolve) => source.once('end', resolve));
  });
});
