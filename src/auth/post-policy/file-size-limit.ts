/**
 * The policy's content-length-range, enforced while the file streams
 * (../shared/spec/sigv2-and-post.md §4.3): the size is only known once the file has been read,
 * so the check runs as the bytes pass. Past the maximum nothing more is passed on (the blob
 * holds at most `max` bytes), but the rest is still counted, so that the error names the size
 * the client proposed; the stream then fails before it ends, and a consumer that commits only on
 * 'end' (the blob store) stores nothing:
 * - 400 EntityTooLarge "Your proposed upload exceeds the maximum allowed size" + ProposedSize, MaxSizeAllowed;
 * - 400 EntityTooSmall "Your proposed upload is smaller than the minimum allowed size" + ProposedSize, MinSizeAllowed.
 * Without a range the limit is S3's for a single upload (5 GiB).
 */
import { Transform, pipeline, type Readable, type TransformCallback } from 'node:stream';
import { MAX_PUT_SIZE } from '../../s3/object-body/write-object-body.ts';
import { S3Error } from '../../s3/errors/s3-error.ts';
import type { PostPolicy } from './post-policy.ts';

export interface FileSizeBounds {
  min: number;
  max: number;
}

/** The bounds every content-length-range of the policy allows together (and 5 GiB at most). */
export function fileSizeBounds(policy: PostPolicy | undefined): FileSizeBounds {
  let min = 0;
  let max = MAX_PUT_SIZE;
  for (const condition of policy?.conditions ?? []) {
    if (condition.kind !== 'content-length-range' || condition.bounds === undefined) continue;
    min = Math.max(min, condition.bounds.min);
    max = Math.min(max, condition.bounds.max);
  }
  return { min, max };
}

/** `file` through a size check; errors and destruction travel both ways. */
export function limitFileSize(file: Readable, bounds: FileSizeBounds): Readable {
  const limit = new FileSizeLimit(bounds);
  pipeline(file, limit, () => {});
  return limit;
}

class FileSizeLimit extends Transform {
  readonly #bounds: FileSizeBounds;
  #size = 0;

  constructor(bounds: FileSizeBounds) {
    super();
    this.#bounds = bounds;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const before = this.#size;
    this.#size += chunk.length;
    const room = this.#bounds.max - before;
    if (room >= chunk.length) callback(null, chunk);
    else if (room > 0) callback(null, chunk.subarray(0, room));
    else callback();
  }

  override _flush(callback: TransformCallback): void {
    const { min, max } = this.#bounds;
    const size = this.#size;
    if (size > max) {
      callback(
        new S3Error('EntityTooLarge', {
          fields: [
            ['ProposedSize', String(size)],
            ['MaxSizeAllowed', String(max)],
          ],
        }),
      );
    } else if (size < min) {
      callback(
        new S3Error('EntityTooSmall', {
          fields: [
            ['ProposedSize', String(size)],
            ['MinSizeAllowed', String(min)],
          ],
        }),
      );
    } else {
      callback();
    }
  }
}
