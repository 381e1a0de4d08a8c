/**
 * What an Amazon S3 host name says: the region it serves and, for virtual-hosted-style hosts, the
 * bucket. Covers the forms SDKs and the console produce: `s3.<region>.amazonaws.com`, the legacy
 * `s3-<region>.amazonaws.com`, dual-stack and FIPS variants, China's `amazonaws.com.cn`, the global
 * `s3.amazonaws.com` (and `s3-external-1`), each optionally prefixed by `<bucket>.`. Anything else
 * is not an AWS S3 host (a Coffer or other S3-compatible endpoint).
 */
export interface AwsS3Host {
  /** The region in the host name; undefined for the global endpoint and accelerate. */
  region: string | undefined;
  /** `s3.amazonaws.com`: requests are routed by bucket and must be signed for the bucket's region. */
  global: boolean;
  /** Virtual-hosted style: the bucket in front of the service host. */
  bucket: string | undefined;
  /** The host without the bucket: `s3.eu-west-1.amazonaws.com`. */
  serviceHost: string;
}

const REGION = String.raw`[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d+`;
const SERVICE = new RegExp(
  String.raw`^(?:(.+)\.)?(s3(?:-fips)?(?:[.-]dualstack)?(?:[.-](${REGION}|external-1))?|s3-accelerate(?:\.dualstack)?)\.amazonaws\.com(?:\.cn)?$`,
);

export function parseAwsS3Host(hostname: string): AwsS3Host | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const m = SERVICE.exec(host);
  if (m === null) return undefined;
  const bucket = m[1];
  const regionPart = m[3];
  const accelerate = m[2]!.startsWith('s3-accelerate');
  const region = regionPart === 'external-1' ? 'us-east-1' : regionPart;
  return {
    region,
    global: !accelerate && regionPart === undefined,
    bucket,
    serviceHost: host.slice(bucket === undefined ? 0 : bucket.length + 1),
  };
}

/**
 * Regions launched before 2014-01-30 still accept Signature Version 2; every later one answers
 * InvalidRequest "…Please use AWS4-HMAC-SHA256." (sigv2-and-post.md §3).
 */
export const SIGV2_REGIONS: ReadonlySet<string> = new Set([
  'us-east-1',
  'us-west-1',
  'us-west-2',
  'eu-west-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'sa-east-1',
  'us-gov-west-1',
]);
