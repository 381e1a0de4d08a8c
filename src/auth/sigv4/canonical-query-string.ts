import { recodeComponent } from './recode-component.ts';

const QUERY = { keepSlash: false, plusAsSpace: true } as const;

/** Only unreserved characters: canonical as it is — most names and values an SDK sends. */
const ALL_UNRESERVED = /^[A-Za-z0-9\-._~]*$/;

/** irregexp checks the common case faster than recodeComponent walks it. */
function recode(raw: string): string {
  return ALL_UNRESERVED.test(raw) ? raw : recodeComponent(raw, QUERY);
}

/**
 * CanonicalQueryString (sigv4.md §2.3), built from the raw query as sent: split on `&` (empty
 * pieces dropped), split each piece on its first `=` (none → empty value), decode and re-encode
 * name and value with `UriEncode` (`/` → `%2F`, `+` → `%20`), sort by name then value in byte
 * order, join `name=value` with `&`. `exclude` drops one parameter by name: presigned URLs sign
 * everything except `X-Amz-Signature` (§4.2).
 */
export function canonicalQueryString(rawQuery: string, options: { exclude?: string } = {}): string {
  if (rawQuery === '') return '';
  const pairs: Array<[name: string, value: string]> = [];
  let start = 0;
  while (start <= rawQuery.length) {
    let end = rawQuery.indexOf('&', start);
    if (end === -1) end = rawQuery.length;
    if (end > start) {
      const eq = rawQuery.indexOf('=', start);
      const hasValue = eq !== -1 && eq < end;
      const name = recode(rawQuery.slice(start, hasValue ? eq : end));
      if (name !== options.exclude) {
        pairs.push([name, hasValue ? recode(rawQuery.slice(eq + 1, end)) : '']);
      }
    }
    start = end + 1;
  }
  if (pairs.length === 0) return '';
  if (pairs.length === 1) return pairs[0]![0] + '=' + pairs[0]![1];
  // Encoded names and values are ASCII, so UTF-16 comparison is byte order (`X-Amz-…` < `prefix`).
  // SDKs send them sorted already: checking that is cheaper than sorting.
  if (!isSorted(pairs)) pairs.sort(byNameThenValue);
  let out = pairs[0]![0] + '=' + pairs[0]![1];
  for (let i = 1; i < pairs.length; i++) out += '&' + pairs[i]![0] + '=' + pairs[i]![1];
  return out;
}

function byNameThenValue(a: readonly [string, string], b: readonly [string, string]): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return 0;
}

function isSorted(pairs: ReadonlyArray<readonly [string, string]>): boolean {
  for (let i = 1; i < pairs.length; i++) if (byNameThenValue(pairs[i - 1]!, pairs[i]!) > 0) return false;
  return true;
}
