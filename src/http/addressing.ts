/**
 * Finding the bucket and key (../shared/spec/s3-core.md §1.1–1.2): `<bucket>.<domain>` is
 * virtual-hosted style, anything else is path style. The key is everything after the slash that
 * ends the bucket segment, verbatim: `a//b/`, `../x` and trailing slashes belong to it.
 */
import { S3Error } from '../s3/errors/s3-error.ts';
import { percentDecode } from '../lib/percent-decode.ts';

export interface Addressing {
  bucket: string | undefined;
  key: string | undefined;
  style: 'path' | 'virtual-host';
}

export function resolveAddressing(hostname: string, rawPath: string, domains: readonly string[]): Addressing {
  // A service host itself is path style, even when another configured domain is a suffix of it
  // (`s3.example.com` with `example.com`); otherwise the longest matching domain names the bucket.
  let domain: string | undefined;
  for (const d of domains) {
    if (hostname === d) {
      domain = undefined;
      break;
    }
    if (hostname.length > d.length + 1 && hostname.endsWith('.' + d) && (domain === undefined || d.length > domain.length)) domain = d;
  }
  if (domain !== undefined) {
    const bucket = hostname.slice(0, hostname.length - domain.length - 1);
    const rest = rawPath.startsWith('/') ? rawPath.slice(1) : rawPath;
    return { bucket, key: rest === '' ? undefined : decodeKey(rest), style: 'virtual-host' };
  }
  const path = rawPath.startsWith('/') ? rawPath.slice(1) : rawPath;
  if (path === '') return { bucket: undefined, key: undefined, style: 'path' };
  const slash = path.indexOf('/');
  const rawBucket = slash === -1 ? path : path.slice(0, slash);
  const bucket = percentDecode(rawBucket, { plusAsSpace: false });
  if (bucket === undefined) throw new S3Error('InvalidURI');
  const rest = slash === -1 ? '' : path.slice(slash + 1);
  return { bucket, key: rest === '' ? undefined : decodeKey(rest), style: 'path' };
}

/** An unencoded `+` in the path is a space on AWS; `%2B` is a plus. */
function decodeKey(raw: string): string {
  const key = percentDecode(raw, { plusAsSpace: true });
  if (key === undefined) throw new S3Error('InvalidURI');
  return key;
}
