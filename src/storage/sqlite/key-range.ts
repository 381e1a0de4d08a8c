/**
 * Where a key scan starts. Keys compare in UTF-8 byte order (SQLite's BINARY collation);
 * the order helpers live in lib/utf8-order.ts, shared with the listing code above.
 */
import { compareUtf8 } from '../../lib/utf8-order.ts';
import type { ScanCursor } from '../types.ts';

/**
 * The inclusive lower bound of a scan: the prefix, or the cursor when it lies beyond it.
 * "Strictly after k" becomes "at or after k + U+0000": in byte order nothing lies between k
 * and k followed by a NUL byte, so one `key >= ?` statement serves both cursor kinds.
 */
export function scanStart(prefix: string, cursor?: ScanCursor): string {
  if (!cursor) return prefix;
  const start = cursor.inclusive ? cursor.key : cursor.key + '\u0000';
  return compareUtf8(start, prefix) > 0 ? start : prefix;
}
