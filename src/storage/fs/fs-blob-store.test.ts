import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { randomIds, type Ids } from '../../lib/ids.ts';
import { bytesOf, runBlobStoreConformance, sourceOf } from '../conformance/blob-store.suite.ts';
import { BlobNotFoundError } from '../errors.ts';
import { FsBlobStore } from './fs-blob-store.ts';

for (const durability of ['full', 'none'] as const) {
  runBlobStoreConformance(`fs (durability ${durability})`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'coffer-blobs-'));
    const store = new FsBlobStore({ dir, ids: randomIds, durability });
    return {
      store,
      dispose: async () => {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  });
}

/** Every file under `dir`, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath ?? e.path, e.name))).sort();
}

describe('FsBlobStore', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'coffer-blobs-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const fresh = async (name: string, ids: Pick<Ids, 'blobId'> = randomIds) => {
    const root = join(dir, name);
    return { root, store: new FsBlobStore({ dir: root, ids }) };
  };

  it('stores a blob as blobs/<2>/<2>/<id>, readable by the owner only', async () => {
    const { root, store } = await fresh('layout', { blobId: () => '0123456789abcdef0123456789abcdef' });
    const { blobId } = await store.write(sourceOf([Buffer.from('x')]));
    assert.deepEqual(await filesUnder(root), [`blobs/01/23/${blobId}`]);
    assert.equal((await stat(join(root, 'blobs/01/23', blobId))).mode & 0o777, 0o600);
  });

  it('a source failing midway leaves no file in blobs/ and no temp file', async () => {
    const { root, store } = await fresh('crash');
    const failure = new Error('client went away');
    const big = Buffer.alloc(1024 * 1024, 7);
    await assert.rejects(store.write(sourceOf([big, big, big], failure)), (e) => e === failure);
    assert.deepEqual(await filesUnder(root), []);
  });

  it('opening removes temp files a crashed process left, and keeps blobs', async () => {
    const { root, store } = await fresh('reopen');
    const { blobId } = await store.write(sourceOf([Buffer.from('kept')]));
    await mkdir(join(root, 'tmp', 'nested'), { recursive: true });
    await writeFile(join(root, 'tmp', 'deadbeefdeadbeefdeadbeefdeadbeef'), 'half a blob');
    await writeFile(join(root, 'tmp', 'nested', 'x'), 'x');
    const reopened = new FsBlobStore({ dir: root, ids: randomIds });
    assert.deepEqual(await readdir(join(root, 'tmp')), []);
    assert.equal((await bytesOf(await reopened.read(blobId))).toString(), 'kept');
  });

  it('clearTemp: false (a cluster worker joining) leaves the writes in progress of another process alone', async () => {
    const { root, store } = await fresh('join');
    await writeFile(join(root, 'tmp', 'cafebabecafebabecafebabecafebabe'), 'a sibling is writing this');
    const joined = new FsBlobStore({ dir: root, ids: randomIds, clearTemp: false });
    assert.deepEqual(await readdir(join(root, 'tmp')), ['cafebabecafebabecafebabecafebabe']);
    const { blobId } = await joined.write(sourceOf([Buffer.from('mine')]));
    assert.equal((await bytesOf(await store.read(blobId))).toString(), 'mine');
  });

  it('a read opened before a delete still returns every byte', async () => {
    const { store } = await fresh('read-delete');
    const data = Buffer.alloc(3 * 1024 * 1024, 9);
    const { blobId } = await store.write(sourceOf([data]));
    const stream = await store.read(blobId);
    await store.delete([blobId]);
    assert.deepEqual(await bytesOf(stream), data);
    await assert.rejects(store.read(blobId), BlobNotFoundError);
  });

  it('never resolves an id outside its directory', async () => {
    const { root, store } = await fresh('ids', { blobId: () => '../../escape' });
    await assert.rejects(store.write(sourceOf([Buffer.from('x')])), /invalid blob id/);
    await assert.rejects(store.read('../../etc/passwd'), BlobNotFoundError);
    await store.delete(['../../x', '']);
    assert.deepEqual(await filesUnder(root), []);
  });

  it('list skips files that are not blobs', async () => {
    const { root, store } = await fresh('list');
    const { blobId } = await store.write(sourceOf([Buffer.from('x')]));
    await writeFile(join(root, 'blobs', blobId.slice(0, 2), blobId.slice(2, 4), '.DS_Store'), '');
    const listed: string[] = [];
    for await (const id of store.list(Date.now() + 60_000)) listed.push(id);
    assert.deepEqual(listed, [blobId]);
  });
});
