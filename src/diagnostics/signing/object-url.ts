/**
 * Where a presigned URL for `s3://bucket/key` points: AWS's regional endpoint for the region
 * (virtual-hosted style when the bucket name is a DNS label that TLS certificates cover, path
 * style otherwise), or a given endpoint. Endpoints that are not AWS's (Coffer, other S3-compatible
 * servers) get path style, as botocore does with a custom endpoint URL, since `<bucket>.<host>`
 * needs wildcard DNS that local setups rarely have.
 */
import { uriEncode } from '../../lib/uri-encode.ts';
import { isValidBucketName } from '../../s3/bucket-name.ts';
import { parseAwsS3Host } from './aws-s3-host.ts';

export interface ObjectUrl {
  /** `https://host[:port]` */
  origin: string;
  /** The Host header a client sends for it (port included when not the scheme's default). */
  host: string;
  /** Percent-encoded path, as on the wire. */
  rawPath: string;
  addressing: 'virtual-host' | 'path';
  bucket: string;
  key: string;
}

export class ObjectUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ObjectUrlError';
  }
}

/** `s3://bucket/key` → bucket and (decoded, possibly empty) key. */
export function parseS3Uri(text: string): { bucket: string; key: string } {
  const m = /^s3:\/\/([^/]+)(?:\/(.*))?$/s.exec(text);
  if (m === null) throw new ObjectUrlError(`"${text}" is not an s3://bucket/key URI`);
  return { bucket: m[1]!, key: m[2] ?? '' };
}

/** AWS's regional S3 endpoint: `https://s3.<region>.amazonaws.com` (`.com.cn` in China). */
export function awsRegionalEndpoint(region: string): string {
  return `https://s3.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
}

export function objectUrl(input: { bucket: string; key: string; region: string; endpoint?: string; pathStyle?: boolean }): ObjectUrl {
  const endpoint = parseEndpoint(input.endpoint ?? awsRegionalEndpoint(input.region));
  const aws = parseAwsS3Host(endpoint.hostname) !== undefined;
  const virtual =
    input.pathStyle !== true &&
    aws &&
    isValidBucketName(input.bucket) &&
    // A dotted bucket does not match the *.s3.amazonaws.com certificate.
    (endpoint.protocol === 'http:' || !input.bucket.includes('.'));
  const encodedKey = uriEncode(input.key, true);
  return virtual
    ? {
        origin: `${endpoint.protocol}//${input.bucket}.${endpoint.host}`,
        host: `${input.bucket}.${endpoint.host}`,
        rawPath: '/' + encodedKey,
        addressing: 'virtual-host',
        bucket: input.bucket,
        key: input.key,
      }
    : {
        origin: endpoint.origin,
        host: endpoint.host,
        rawPath: '/' + uriEncode(input.bucket, false) + '/' + encodedKey,
        addressing: 'path',
        bucket: input.bucket,
        key: input.key,
      };
}

/** An endpoint is `http(s)://host[:port]`, nothing more (S3 has no path prefix). */
export function parseEndpoint(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ObjectUrlError(`endpoint "${text}" is not a URL (expected e.g. http://127.0.0.1:9000)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ObjectUrlError(`endpoint "${text}" must start with http:// or https://`);
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '' || url.username !== '') {
    throw new ObjectUrlError(`endpoint "${text}" must be just scheme://host[:port], without a path, query or user`);
  }
  return url;
}
