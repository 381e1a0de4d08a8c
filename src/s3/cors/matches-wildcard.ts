/**
 * S3's CORS wildcard: a pattern with at most one `*`, which stands for any run of characters
 * (empty included). `http://*.origin.com` matches `http://test.origin.com` but not
 * `http://test.origin.com/` (../shared/spec/s3-core.md §10.2): the text around the star is
 * anchored at both ends. A pattern without a star must equal the value.
 */
export function matchesWildcard(pattern: string, value: string): boolean {
  const star = pattern.indexOf('*');
  if (star === -1) return pattern === value;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  return value.length >= prefix.length + suffix.length && value.startsWith(prefix) && value.endsWith(suffix);
}
