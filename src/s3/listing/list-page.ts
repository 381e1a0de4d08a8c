/**
 * One page of a listing with prefix, delimiter, marker and max-keys (../shared/spec/s3-core.md
 * §6.2), over any store scan in UTF-8 key order. Keys whose remainder after the prefix contains
 * the delimiter roll up into a common prefix, which counts once against max-keys; the scan then
 * jumps past the whole group, so a page costs the same however many keys the group holds.
 * A common prefix is emitted only if it sorts after the marker.
 */
import { compareUtf8, prefixUpperBound } from '../../lib/utf8-order.ts';

/** Where the next scan starts: right after an item, or at a key (inclusive). */
export type ScanFrom<T> = { after: T } | { atKey: string } | undefined;

export interface ListPageInput<T> {
  prefix: string;
  delimiter: string | undefined;
  /** Exclusive: keys and common prefixes must sort after it. */
  marker: string | undefined;
  /** Where the first scan starts; callers pass the position just after the marker, if any. */
  start: ScanFrom<T>;
  maxKeys: number;
  keyOf(item: T): string;
  scan(from: ScanFrom<T>, limit: number): Promise<T[]>;
}

export interface ListPageResult<T> {
  entries: T[];
  commonPrefixes: string[];
  isTruncated: boolean;
  /** The last key or common prefix on the page (NextMarker / continuation point). */
  last: { kind: 'entry'; item: T } | { kind: 'prefix'; prefix: string } | undefined;
}

const BATCH = 1000;
const AFTER_JUMP = 4;

export async function listPage<T>(input: ListPageInput<T>): Promise<ListPageResult<T>> {
  const { prefix, delimiter, marker, maxKeys, keyOf } = input;
  const result: ListPageResult<T> = { entries: [], commonPrefixes: [], isTruncated: false, last: undefined };
  if (maxKeys <= 0) return result;
  let from = input.start;
  let count = 0;

  // After jumping past a delimiter group the next key often starts another group: read a few
  // rows first, and a full batch only while plain keys keep coming.
  let jumpedLast = false;
  for (;;) {
    const want = Math.min(jumpedLast ? AFTER_JUMP : BATCH, maxKeys - count + 1);
    const batch = await input.scan(from, want);
    let jumped = false;
    for (const item of batch) {
      const key = keyOf(item);
      const groupEnd = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
      if (groupEnd !== -1) {
        const common = key.slice(0, groupEnd + delimiter!.length);
        const next = prefixUpperBound(common);
        if (marker === undefined || compareUtf8(common, marker) > 0) {
          if (count === maxKeys) {
            result.isTruncated = true;
            return result;
          }
          result.commonPrefixes.push(common);
          result.last = { kind: 'prefix', prefix: common };
          count++;
        }
        if (next === undefined) return result;
        from = { atKey: next };
        jumped = true;
        break;
      }
      if (count === maxKeys) {
        result.isTruncated = true;
        return result;
      }
      result.entries.push(item);
      result.last = { kind: 'entry', item };
      count++;
      from = { after: item };
    }
    if (!jumped && batch.length < want) return result;
    jumpedLast = jumped;
  }
}
