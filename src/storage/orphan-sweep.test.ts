import assert from 'node:assert/strict';
import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { randomIds } from '../lib/ids.ts';
import { sourceOf } from './conformance/blob-store.suite.ts';
import { bucket, object, part, upload } from './conformance/metadata/fixtures.ts';
import { FsBlobStore } from './fs/fs-blob-store.ts';
import { ORPHAN_GRACE_MS, sweepOrphanBlobs } from './orphan-sweep.ts';
import { SqliteMetadataStore } from './sqlite/sqlite-metadata-store.ts';

describe('sweepOrphanBlobs', () => {
  let dir: string;
  let metadata: SqliteMetadataStore;
  let blobs: FsBlobStore;
  const now = Date.now();

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'coffer-sweep-'));
    metadata = new SqliteMetadataStore({ dir, durability: 'normal' });
    blobs = new FsBlobStore({ dir, ids: randomIds, durability: 'none' });
    await metadata.createBucket(bucket('b'));
  });
  afterEach(async () => {
    await metadata.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** A blob whose file was last written `ageMs` ago. */
  async function blob(ageMs: number): Promise<string> {
    const { blobId } = await blobs.write(sourceOf([Buffer.from('bytes')]));
    const when = new Date(now - ageMs);
    await utimes(join(dir, 'blobs', blobId.slice(0, 2), blobId.slice(2, 4), blobId), when, when);
    return blobId;
  }
  const exists = async (id: string) =>
    blobs.read(id).then(
      (s) => (s.destroy(), true),
      () => false,
    );

  it('deletes old unreferenced blobs and keeps referenced and young ones', async () => {
    const old = 2 * ORPHAN_GRACE_MS;
    const [orphan1, orphan2, ofObject, ofPart] = [await blob(old), await blob(old), await blob(old), await blob(old)];
    const young = await blob(1000); // an in-flight write's blob: its row is not committed yet
    await metadata.putObject(object('b', 'k', { segments: [{ blobId: ofObject, size: 5 }] }));
    await metadata.createMultipartUpload(upload('b', 'm', 'u1'));
    await metadata.putPart(part('u1', 1, ofPart));

    const deleted = await sweepOrphanBlobs({ metadata, blobs, olderThanMs: now - ORPHAN_GRACE_MS });
    assert.equal(deleted, 2);
    assert.equal(await exists(orphan1), false);
    assert.equal(await exists(orphan2), false);
    for (const kept of [ofObject, ofPart, young]) assert.equal(await exists(kept), true, kept);
  });

  it('works through the blobs in batches', async () => {
    const ids = [];
    for (let i = 0; i < 7; i++) ids.push(await blob(2 * ORPHAN_GRACE_MS));
    await metadata.putObject(object('b', 'k', { segments: [{ blobId: ids[3]!, size: 5 }] }));
    const asked: number[] = [];
    const counting = {
      unreferencedBlobs: (batch: string[]) => {
        asked.push(batch.length);
        return metadata.unreferencedBlobs(batch);
      },
    };
    assert.equal(await sweepOrphanBlobs({ metadata: counting, blobs, olderThanMs: now, batchSize: 3 }), 6);
    assert.deepEqual(asked, [3, 3, 1]);
    assert.equal(await exists(ids[3]!), true);
    assert.equal(await sweepOrphanBlobs({ metadata, blobs, olderThanMs: now }), 0);
  });
});
