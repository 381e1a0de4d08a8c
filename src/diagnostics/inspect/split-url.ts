/**
 * An absolute URL split into what goes on the wire — scheme, authority, path, query — without
 * the normalisation WHATWG `URL` applies (it resolves `..`, re-encodes characters and drops
 * default ports), because a signature covers the bytes as sent.
 */
export interface UrlParts {
  scheme: 'http' | 'https';
  /** `host[:port]`, as written: the Host header a client sends for this URL. */
  authority: string;
  /** Lower-case host without the port (IPv6 without brackets). */
  hostname: string;
  /** Percent-encoded path as written (`/` when empty). */
  rawPath: string;
  /** Everything after `?` up to any `#` ('' when none). */
  rawQuery: string;
}

export function splitUrl(text: string): UrlParts | undefined {
  const m = /^(https?):\/\/([^/?#\s]+)([^?#]*)(?:\?([^#]*))?(?:#.*)?$/is.exec(text.trim());
  if (m === null) return undefined;
  const authority = m[2]!;
  return {
    scheme: m[1]!.toLowerCase() as 'http' | 'https',
    authority,
    hostname: hostnameOf(authority),
    rawPath: m[3] === '' ? '/' : m[3]!,
    rawQuery: m[4] ?? '',
  };
}

/** `Bucket.Example.com:9000` → `bucket.example.com`; `[::1]:9000` → `::1`. */
export function hostnameOf(authority: string): string {
  const h = authority.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']'));
  const colon = h.lastIndexOf(':');
  return colon === -1 ? h : h.slice(0, colon);
}
