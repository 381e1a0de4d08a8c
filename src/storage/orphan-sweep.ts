/**
 * The orphan sweep: deletes blobs no metadata row refers to. A blob is written before the
 * row that points to it commits, and retired blobs are deleted after the row is gone, so a
 * crash between the two leaves a blob nobody references; this removes those.
 *
 * Blobs younger than `olderThanMs` are never touched: such a blob may belong to a write whose
 * row has not committed yet, on this node or another one sharing the blob store.
 */
import type { BlobStore } from './blob-store.ts';
import type { MetadataStore } from './metadata-store.ts';

/**
 * A blob lands under its final name moments before its row commits; an hour covers that and
 * any plausible clock difference between nodes sharing a blob store.
 */
export const ORPHAN_GRACE_MS = 60 * 60 * 1000;

export interface SweepOptions {
  metadata: Pick<MetadataStore, 'unreferencedBlobs'>;
  blobs: Pick<BlobStore, 'list' | 'delete'>;
  /**
   * Only blobs last written before this time (epoch ms, the blob store's clock) are swept.
   * Pass `now - ORPHAN_GRACE_MS` while any node may be writing; `now` is safe only when no
   * write can be in flight anywhere (one node, before it starts serving).
   */
  olderThanMs: number;
  /** Blob ids checked per metadata lookup (default 1000). */
  batchSize?: number;
}

/** Returns how many blobs it deleted. */
export async function sweepOrphanBlobs(options: SweepOptions): Promise<number> {
  const { metadata, blobs, olderThanMs, batchSize = 1000 } = options;
  let deleted = 0;
  let batch: string[] = [];
  const sweep = async () => {
    const orphans = await metadata.unreferencedBlobs(batch);
    await blobs.delete(orphans);
    deleted += orphans.length;
    batch = [];
  };
  for await (const blobId of blobs.list(olderThanMs)) {
    batch.push(blobId);
    if (batch.length >= batchSize) await sweep();
  }
  if (batch.length > 0) await sweep();
  return deleted;
}
