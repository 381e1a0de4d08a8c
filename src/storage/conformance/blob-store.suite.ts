/**
 * The BlobStore conformance suite: every implementation runs it from its own test file,
 * `runBlobStoreConformance('fs', factory)`. Written against the interface only.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe } from 'node:test';
import type { BlobStore } from '../blob-store.ts';
import { BlobNotFoundError } from '../errors.ts';
import { Suite, type ConformanceOptions, type StoreFactory } from './harness.ts';

export type { ConformanceOptions, Harness, StoreFactory } from './harness.ts';

/** A source yielding `chunks`, then failing with `error` if given (a client gone mid-upload). */
export function sourceOf(chunks: Buffer[], error?: Error): Readable {
  return Readable.from(
    (async function* () {
      for (const chunk of chunks) yield chunk;
      if (error) throw error;
    })(),
  );
}

export async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function listAll(store: BlobStore, olderThanMs: number): Promise<string[]> {
  const ids: string[] = [];
  for await (const id of store.list(olderThanMs)) ids.push(id);
  return ids.sort();
}

const HOUR = 3_600_000;

export function runBlobStoreConformance(
  name: string,
  factory: StoreFactory<BlobStore>,
  options: ConformanceOptions = {},
): void {
  describe(`BlobStore conformance: ${name}`, () => {
    const suite = new Suite(factory, options);

    suite.test('write then read returns the bytes and their size', async (store) => {
      const chunks = [Buffer.from('hello '), Buffer.from('wörld'), Buffer.alloc(0), Buffer.from('!')];
      const written = await store.write(sourceOf(chunks));
      assert.equal(written.size, Buffer.concat(chunks).length);
      assert.deepEqual(await bytesOf(await store.read(written.blobId)), Buffer.concat(chunks));
    });

    suite.test('an empty source makes an empty blob', async (store) => {
      const written = await store.write(sourceOf([]));
      assert.equal(written.size, 0);
      assert.equal((await bytesOf(await store.read(written.blobId))).length, 0);
    });

    suite.test('a multi-megabyte blob streams through intact', async (store) => {
      const chunks = Array.from({ length: 130 }, () => randomBytes(64 * 1024 + 7));
      const digest = (b: Buffer) => createHash('sha256').update(b).digest('hex');
      const written = await store.write(sourceOf(chunks));
      assert.equal(written.size, 130 * (64 * 1024 + 7));
      assert.equal(digest(await bytesOf(await store.read(written.blobId))), digest(Buffer.concat(chunks)));
    });

    suite.test('read with a range returns those bytes, both ends inclusive', async (store) => {
      const data = Buffer.from('0123456789');
      const { blobId } = await store.write(sourceOf([data]));
      for (const [start, end] of [[0, 0], [3, 7], [9, 9], [0, 9], [5, 100]] as const) {
        const got = await bytesOf(await store.read(blobId, { start, end }));
        assert.equal(got.toString(), data.subarray(start, end + 1).toString(), `${start}-${end}`);
      }
    });

    suite.test('read of an unknown blob rejects with BlobNotFoundError', async (store) => {
      const { blobId } = await store.write(sourceOf([Buffer.from('x')]));
      const unknown = blobId.replace(/^./, (c) => (c === '0' ? '1' : '0'));
      await assert.rejects(store.read(unknown), (e: unknown) => {
        assert.ok(e instanceof BlobNotFoundError);
        assert.equal(e.blobId, unknown);
        return true;
      });
    });

    suite.test('delete removes blobs and ignores unknown ids', async (store) => {
      const a = await store.write(sourceOf([Buffer.from('a')]));
      const b = await store.write(sourceOf([Buffer.from('b')]));
      await store.delete([a.blobId, a.blobId.replace(/^./, (c) => (c === '0' ? '1' : '0'))]);
      await store.delete([]);
      await assert.rejects(store.read(a.blobId), BlobNotFoundError);
      await store.delete([a.blobId]);
      assert.equal((await bytesOf(await store.read(b.blobId))).toString(), 'b');
    });

    suite.test('a failing source rejects with its own error and leaves no blob', async (store) => {
      const kept = await store.write(sourceOf([Buffer.from('kept')]));
      const failure = new Error('payload signature mismatch');
      await assert.rejects(store.write(sourceOf([randomBytes(100_000), randomBytes(100_000)], failure)), (e) => {
        assert.equal(e, failure);
        return true;
      });
      assert.deepEqual(await listAll(store, Date.now() + HOUR), [kept.blobId]);
    });

    suite.test('list yields the blobs older than a time', async (store) => {
      const ids = [];
      for (let i = 0; i < 5; i++) ids.push((await store.write(sourceOf([Buffer.from(`blob ${i}`)]))).blobId);
      assert.deepEqual(await listAll(store, Date.now() + HOUR), ids.sort());
      assert.deepEqual(await listAll(store, Date.now() - HOUR), []);
    });

    suite.test('concurrent writes get their own ids and bytes', async (store) => {
      const bodies = Array.from({ length: 12 }, (_, i) => Buffer.alloc(10_000 + i, i));
      const sources = bodies.map((b) => sourceOf([b.subarray(0, 5000), b.subarray(5000)]));
      const written = await Promise.all(sources.map((s) => store.write(s)));
      assert.equal(new Set(written.map((w) => w.blobId)).size, bodies.length);
      for (const [i, w] of written.entries()) assert.deepEqual(await bytesOf(await store.read(w.blobId)), bodies[i]);
    });
  });
}
