/**
 * IAM's paging: `MaxItems` (1–1000, default 100) and an opaque `Marker`; results say
 * `IsTruncated` and, when true, the `Marker` to continue from. The marker names the last item
 * returned (and its position, should that item be deleted before the next call).
 */
import type { XmlElement } from '../../query-api/query-xml.ts';
import { IamError } from '../iam-error.ts';

export interface Page<T> {
  items: T[];
  /** Set when more items follow. */
  marker: string | undefined;
}

export const DEFAULT_MAX_ITEMS = 100;

export function paginate<T>(all: readonly T[], keyOf: (item: T) => string, options: { marker?: string; maxItems?: number }): Page<T> {
  const max = options.maxItems ?? DEFAULT_MAX_ITEMS;
  let start = 0;
  if (options.marker !== undefined) {
    const at = decode(options.marker);
    const found = all.findIndex((item) => keyOf(item) === at.key);
    // The marked item itself was deleted: the items after it moved up by one.
    start = found >= 0 ? found + 1 : Math.min(at.index, all.length);
  }
  const items = all.slice(start, start + max);
  const more = start + items.length < all.length;
  const last = items.at(-1);
  return { items, marker: more && last !== undefined ? encode(keyOf(last), start + items.length - 1) : undefined };
}

/** `IsTruncated` and `Marker`, as every paged IAM result ends. */
export function pageXml(page: Page<unknown>): Array<XmlElement | undefined> {
  return [['IsTruncated', page.marker !== undefined], page.marker === undefined ? undefined : ['Marker', page.marker]];
}

function encode(key: string, index: number): string {
  return Buffer.from(JSON.stringify([key, index]), 'utf8').toString('base64url');
}

function decode(marker: string): { key: string; index: number } {
  try {
    const [key, index] = JSON.parse(Buffer.from(marker, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof key === 'string' && typeof index === 'number') return { key, index };
  } catch {
    // fall through
  }
  // [uncertain] AWS's answer to a marker it did not issue.
  throw new IamError('InvalidInput', 'Invalid Marker.');
}
