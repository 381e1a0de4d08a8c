/**
 * The embedded blob store: one file per blob under `<dir>/blobs/<id[0..2]>/<id[2..4]>/<id>`
 * (two fan-out levels keep directories small at millions of blobs). A write streams into
 * `<dir>/tmp/<id>` on the same filesystem, is fsynced, and is renamed into place, so a blob
 * is either complete under its final name or absent: a crash leaves at most a temp file
 * (removed on open) or a finished blob no row points to (removed by the orphan sweep).
 */
import { mkdirSync, rmSync, type WriteStream } from 'node:fs';
import { mkdir, open, opendir, readdir, rename, rm, stat, unlink, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Ids } from '../../lib/ids.ts';
import type { BlobStore, ByteRange, WrittenBlob } from '../blob-store.ts';
import { BlobNotFoundError } from '../errors.ts';

export interface FsBlobStoreOptions {
  /** Data directory; blobs go to `blobs/` and in-progress writes to `tmp/` beneath it. */
  dir: string;
  ids: Pick<Ids, 'blobId'>;
  /**
   * 'full' (default): `write` resolves only after the file and its directory entry are
   * fsynced, so an acknowledged blob survives power loss. 'none': no fsync; survives a
   * process crash (the page cache still holds it) but not a power cut.
   */
  durability?: 'full' | 'none';
  /**
   * Remove what is in `tmp/` — writes a previous process never finished — when opening
   * (default true). False for a cluster's workers: the primary cleared it before starting them,
   * and a worker that starts later must not delete the files its siblings are writing.
   */
  clearTemp?: boolean;
}

/** Blob ids are generated names; anything else (a `/`, a `..`) never names a file here. */
const BLOB_ID = /^[0-9A-Za-z_-]{4,128}$/;
const DELETE_BATCH = 64;

export class FsBlobStore implements BlobStore {
  readonly #blobs: string;
  readonly #tmp: string;
  readonly #ids: Pick<Ids, 'blobId'>;
  readonly #fsync: boolean;

  constructor(options: FsBlobStoreOptions) {
    this.#blobs = join(options.dir, 'blobs');
    this.#tmp = join(options.dir, 'tmp');
    this.#ids = options.ids;
    this.#fsync = (options.durability ?? 'full') === 'full';
    mkdirSync(this.#blobs, { recursive: true, mode: 0o700 });
    // Whatever is in tmp/ is a write a previous process never finished: never a blob.
    if (options.clearTemp ?? true) rmSync(this.#tmp, { recursive: true, force: true });
    mkdirSync(this.#tmp, { recursive: true, mode: 0o700 });
  }

  async write(source: Readable): Promise<WrittenBlob> {
    const blobId = this.#ids.blobId();
    if (!BLOB_ID.test(blobId)) throw new Error(`invalid blob id from Ids.blobId(): ${JSON.stringify(blobId)}`);
    const temp = join(this.#tmp, blobId);
    const file = await open(temp, 'wx', 0o600);
    // The stream owns the handle from here on: destroying it closes the file. autoClose is
    // off so the file stays open after the last byte, for the fsync.
    // A large buffer lets bursts of network chunks go to disk in one writev.
    const out = file.createWriteStream({ autoClose: false, highWaterMark: 256 * 1024 });
    try {
      await pipeline(source, out);
      if (this.#fsync) await file.sync();
      await closeStream(out);
    } catch (error) {
      await closeStream(out).catch(() => undefined);
      await rm(temp, { force: true });
      throw error; // the source's own error, unchanged (an S3Error from a verifying stream)
    }
    try {
      await this.#moveIntoPlace(temp, this.#pathOf(blobId));
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return { blobId, size: out.bytesWritten };
  }

  async #moveIntoPlace(temp: string, final: string): Promise<void> {
    const dir = dirname(final);
    const created = await mkdir(dir, { recursive: true, mode: 0o700 });
    await rename(temp, final);
    if (!this.#fsync) return;
    // The rename is durable once the directory holding the new entry is; a fan-out
    // directory made just now must in turn be durable in its parent.
    await fsyncDirectory(dir);
    if (created !== undefined) {
      await fsyncDirectory(dirname(dir));
      await fsyncDirectory(this.#blobs);
    }
  }

  async read(blobId: string, range?: ByteRange): Promise<Readable> {
    if (!BLOB_ID.test(blobId)) throw new BlobNotFoundError(blobId);
    if (range && !(range.start >= 0 && range.end >= range.start)) {
      throw new RangeError(`invalid byte range ${range.start}-${range.end}`);
    }
    let file: FileHandle;
    try {
      // Opened before streaming: once open, a concurrent delete no longer affects this read.
      file = await open(this.#pathOf(blobId), 'r');
    } catch (error) {
      if (isNotFound(error)) throw new BlobNotFoundError(blobId);
      throw error;
    }
    // The stream closes the handle when it ends, fails or is destroyed.
    // 1 MiB reads: a large object streams in few syscalls and few event-loop turns.
    return file.createReadStream({ ...(range ? { start: range.start, end: range.end } : {}), highWaterMark: 256 * 1024 });
  }

  async delete(blobIds: string[]): Promise<void> {
    for (let i = 0; i < blobIds.length; i += DELETE_BATCH) {
      await Promise.all(blobIds.slice(i, i + DELETE_BATCH).map((id) => this.#remove(id)));
    }
  }

  async #remove(blobId: string): Promise<void> {
    if (!BLOB_ID.test(blobId)) return;
    try {
      await unlink(this.#pathOf(blobId));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  async *list(olderThanMs: number): AsyncIterable<string> {
    for (const first of await subdirectories(this.#blobs)) {
      for (const second of await subdirectories(first)) {
        // opendir streams entries instead of loading a whole directory listing.
        for await (const entry of await opendir(second)) {
          if (!entry.isFile() || !BLOB_ID.test(entry.name)) continue;
          const stats = await stat(join(second, entry.name)).catch((error: unknown) => {
            if (isNotFound(error)) return undefined; // deleted while we walked
            throw error;
          });
          if (stats && stats.mtimeMs < olderThanMs) yield entry.name;
        }
      }
    }
  }

  async close(): Promise<void> {
    // Nothing held open: every read stream owns (and closes) its own file handle.
  }

  #pathOf(blobId: string): string {
    return join(this.#blobs, blobId.slice(0, 2), blobId.slice(2, 4), blobId);
  }
}

/** Destroys a file write stream, which closes its file, and waits for the close. */
function closeStream(out: WriteStream): Promise<void> {
  if (out.closed) return Promise.resolve();
  return new Promise((resolve, reject) => {
    out.once('close', resolve);
    out.once('error', reject); // close(2) can report a failed write (NFS)
    out.destroy();
  });
}

async function fsyncDirectory(path: string): Promise<void> {
  const dir = await open(path, 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

async function subdirectories(path: string): Promise<string[]> {
  const entries = await readdir(path, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => join(path, e.name));
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
