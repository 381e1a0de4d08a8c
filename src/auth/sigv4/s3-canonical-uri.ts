import { recodeComponent } from './recode-component.ts';

/**
 * CanonicalURI with Amazon S3's rules (sigv4.md §2.2): the path exactly as sent, decoded to
 * bytes and encoded once with `UriEncode`, `/` kept. No normalisation: `a//b/./c/../d` is a key
 * of its own and is signed literally (botocore `S3SigV4Auth._normalize_url_path`). A literal `+`
 * stays a `+` byte (`%2B`); only query strings read `+` as a space.
 */
export function s3CanonicalUri(rawPath: string): string {
  if (rawPath === '') return '/';
  return recodeComponent(rawPath, { keepSlash: true, plusAsSpace: false });
}
