import { uriEncode } from '../../lib/uri-encode.ts';
import { normalizeUriPath } from './normalize-uri-path.ts';

/**
 * CanonicalURI for every AWS service except S3 (STS, IAM, the AWS test suite's `service`):
 * the path as sent (already percent-encoded) is optionally normalised and then encoded again,
 * so `%20` on the wire is `%2520` in the canonical request (sigv4.md §2.2 table; smithy
 * `uriEscapePath: true`). AWS's test vectors set `normalize` per case; real services normalise.
 */
export function genericCanonicalUri(rawPath: string, options: { normalize: boolean }): string {
  const path = options.normalize ? normalizeUriPath(rawPath) : rawPath;
  return path === '' ? '/' : uriEncode(path, true);
}
