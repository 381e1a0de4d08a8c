/**
 * The Range header of GetObject (../shared/spec/s3-core.md §4.2): one `bytes=` range; anything
 * S3 does not understand (multiple ranges, no unit, reversed bounds) is ignored and the whole
 * object is served. Unsatisfiable ranges are InvalidRange (416).
 */
import { S3Error } from '../errors/s3-error.ts';
import type { ByteRange } from '../../storage/blob-store.ts';

const SINGLE = /^bytes=(\d*)-(\d*)$/;

/** undefined = serve the whole object. */
export function parseRange(header: string | undefined, size: number): ByteRange | undefined {
  if (header === undefined) return undefined;
  const m = SINGLE.exec(header.trim());
  if (!m) return undefined;
  const [, first, last] = m as unknown as [string, string, string];
  if (first === '' && last === '') return undefined;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) throw invalidRange(header, size);
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Number(last);
  if (last !== '' && end < start) return undefined;
  if (start >= size) throw invalidRange(header, size);
  return { start, end: Math.min(end, size - 1) };
}

function invalidRange(header: string, size: number): S3Error {
  return new S3Error('InvalidRange', {
    fields: [
      ['ActualObjectSize', String(size)],
      ['RangeRequested', header],
    ],
  });
}
