/**
 * The bytes of an object (or of a range of it), streamed from its blob segments in order. A
 * single-segment object is the blob stream itself; a multipart object chains its parts' blobs,
 * opening each only when the previous one is done, so memory stays flat at any size.
 */
import { Readable } from 'node:stream';
import type { BlobStore, ByteRange } from '../../storage/blob-store.ts';
import type { BlobSegment } from '../../storage/types.ts';

export async function readObjectBody(
  blobs: BlobStore,
  object: { segments: readonly BlobSegment[]; inline?: Buffer },
  range: ByteRange | undefined,
): Promise<Readable> {
  if (object.inline !== undefined) return Readable.from([inlineBytes(object.inline, range)]);
  const pieces = segmentRanges(object.segments, range);
  if (pieces.length === 0) return Readable.from([]);
  if (pieces.length === 1) return blobs.read(pieces[0]!.blobId, pieces[0]!.range);
  // Open the first piece now, so a missing blob fails the request before the status is sent.
  const first = await blobs.read(pieces[0]!.blobId, pieces[0]!.range);
  return Readable.from(chain(blobs, first, pieces.slice(1)), { objectMode: false });
}

async function* chain(blobs: BlobStore, first: Readable, rest: ReadonlyArray<{ blobId: string; range: ByteRange | undefined }>) {
  yield* first;
  for (const piece of rest) yield* await blobs.read(piece.blobId, piece.range);
}

/** Which part of which segment serves `range` (inclusive bounds, already validated). */
export function segmentRanges(
  segments: readonly BlobSegment[],
  range: ByteRange | undefined,
): Array<{ blobId: string; range: ByteRange | undefined }> {
  if (segments.length === 0) return [];
  if (range === undefined) return segments.map((s) => ({ blobId: s.blobId, range: undefined }));
  const out: Array<{ blobId: string; range: ByteRange | undefined }> = [];
  let offset = 0;
  for (const s of segments) {
    const segStart = offset;
    const segEnd = offset + s.size - 1;
    offset += s.size;
    if (s.size === 0 || segEnd < range.start || segStart > range.end) continue;
    const start = Math.max(range.start, segStart) - segStart;
    const end = Math.min(range.end, segEnd) - segStart;
    out.push({ blobId: s.blobId, range: start === 0 && end === s.size - 1 ? undefined : { start, end } });
  }
  return out;
}

/** A small object's bytes (or the range of them), straight from its row. */
export function inlineBytes(inline: Buffer, range: ByteRange | undefined): Buffer {
  return range === undefined ? inline : inline.subarray(range.start, range.end + 1);
}
