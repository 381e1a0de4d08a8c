import { genericCanonicalUri } from './generic-canonical-uri.ts';
import { s3CanonicalUri } from './s3-canonical-uri.ts';

/**
 * What differs between S3 and the other AWS services a Coffer endpoint answers (STS and IAM
 * Query-API calls), as data the verifier reads instead of `if (service === 's3')` branches.
 */
export interface ServiceRules {
  /** The credential scope's service (`s3`, `sts`, `iam`). */
  readonly service: string;
  /** The region the credential scope must name. */
  readonly region: string;
  readonly canonicalUri: (rawPath: string) => string;
  /**
   * Where HashedPayload comes from. S3: the x-amz-content-sha256 header (required on the header
   * form; `UNSIGNED-PAYLOAD` when a presigned request has none; the body is checked while it
   * streams). Other services sign the body's SHA-256, which the caller computed (Query-API bodies
   * are small and read before authentication).
   */
  readonly payload: { readonly from: 'x-amz-content-sha256' } | { readonly from: 'body'; readonly sha256: string };
  /** S3 refuses unsigned `x-amz-*` headers (sigv4.md §2.4); other services let them through. */
  readonly requireSignedAmzHeaders: boolean;
  /** S3 also names the right region in an `x-amz-bucket-region` response header (errors.md §1.2). */
  readonly regionHeaderOnWrongRegion: boolean;
}

const FROM_HEADER = { from: 'x-amz-content-sha256' } as const;

/** S3's rules for a region: built once per region, since every S3 request asks for them. */
export function s3Rules(region: string): ServiceRules {
  let rules = S3_RULES.get(region);
  if (rules === undefined) {
    rules = Object.freeze({
      service: 's3',
      region,
      canonicalUri: s3CanonicalUri,
      payload: FROM_HEADER,
      requireSignedAmzHeaders: true,
      regionHeaderOnWrongRegion: true,
    });
    S3_RULES.set(region, rules);
  }
  return rules;
}
const S3_RULES = new Map<string, ServiceRules>();

/**
 * Generic SigV4 (STS, IAM, and the AWS test suite's `service`): paths normalised (unless the
 * AWS vectors say otherwise) and double-encoded, body hash supplied by the caller.
 */
export function genericServiceRules(options: {
  service: string;
  region: string;
  payloadSha256: string;
  normalize?: boolean;
}): ServiceRules {
  const normalize = options.normalize ?? true;
  return {
    service: options.service,
    region: options.region,
    canonicalUri: (rawPath) => genericCanonicalUri(rawPath, { normalize }),
    payload: { from: 'body', sha256: options.payloadSha256 },
    requireSignedAmzHeaders: false,
    regionHeaderOnWrongRegion: false,
  };
}
