/**
 * Path normalisation of generic (non-S3) SigV4 services: empty and `.` segments dropped, `..`
 * removes the previous segment, a trailing `/` survives when anything is left. Mirrors
 * smithy `SignatureV4Base.getCanonicalPath` and the AWS test suite's `normalize: true` cases
 * (`//example//` → `/example/`, `/example/..` → `/`). S3 never does this (sigv4.md §2.2).
 */
export function normalizeUriPath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const leading = path.startsWith('/') ? '/' : '';
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return leading + segments.join('/') + trailing;
}
