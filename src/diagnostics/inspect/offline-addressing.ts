/**
 * Bucket and key of an inspected URL without asking a server: AWS host names say it themselves
 * (`<bucket>.s3.<region>.amazonaws.com` is virtual-hosted); elsewhere `<bucket>.<domain>` is
 * virtual-hosted for `localhost` (Coffer's default domain) and for the domains given (the
 * `--endpoint` host), and anything else is path style — the rule of http/addressing.ts, which
 * answers InvalidURI for a malformed escape where this keeps the text as sent.
 */
import { percentDecode } from '../../lib/percent-decode.ts';
import { parseAwsS3Host, type AwsS3Host } from '../signing/aws-s3-host.ts';
import type { RequestAddressing } from './build-request.ts';

export function offlineAddressing(hostname: string, rawPath: string, domains: readonly string[]): RequestAddressing & { aws: AwsS3Host | undefined } {
  const aws = parseAwsS3Host(hostname);
  const path = rawPath.startsWith('/') ? rawPath.slice(1) : rawPath;
  let bucket = aws?.bucket;
  if (aws === undefined) {
    for (const d of ['localhost', ...domains]) {
      const suffix = '.' + d.toLowerCase();
      if (hostname.endsWith(suffix) && hostname.length > suffix.length) {
        const candidate = hostname.slice(0, -suffix.length);
        if (bucket === undefined || candidate.length < bucket.length) bucket = candidate;
      }
    }
  }
  if (bucket !== undefined) return { bucket, key: path === '' ? undefined : decodeKey(path), style: 'virtual-host', aws };
  if (path === '') return { bucket: undefined, key: undefined, style: 'path', aws };
  const slash = path.indexOf('/');
  const rawBucket = slash === -1 ? path : path.slice(0, slash);
  const rest = slash === -1 ? '' : path.slice(slash + 1);
  return { bucket: percentDecode(rawBucket, { plusAsSpace: false }) ?? rawBucket, key: rest === '' ? undefined : decodeKey(rest), style: 'path', aws };
}

function decodeKey(raw: string): string {
  return percentDecode(raw, { plusAsSpace: true }) ?? raw;
}
