/**
 * Every problem an inspected request has, each on its own (the verdict says which one AWS reports
 * first; this list says what else would still be wrong after fixing it), sorted in AWS's order
 * of checks (errors.md §9.1).
 */
import { SIGV4_ALGORITHM } from '../../auth/sigv4/constants.ts';
import { checkContentSha256 } from '../../auth/sigv4/check-content-sha256.ts';
import { findUnsignedHeaders } from '../../auth/sigv4/find-unsigned-headers.ts';
import type { S3Request } from '../../s3/s3-request.ts';
import { STEP, error, scopeFindings, sigV2RegionFindings, tokenFindings } from './credential-findings.ts';
import type { DecodedSignature } from './decode-signature.ts';
import type { EndpointFacts, Finding } from './inspection.ts';
import { headerTimeFindings, presignedTimeFindings, v2ExpiresFindings } from './time-findings.ts';

export function findProblems(req: S3Request, d: DecodedSignature, options: { now: number; maxSkewMs: number; endpoint: EndpointFacts }): Finding[] {
  const out: Finding[] = [];
  if (d.bothMechanisms) {
    out.push(error('both-mechanisms', STEP.mechanism, 'The request carries more than one signature (an Authorization header and presign parameters, or SigV4 and SigV2 parameters): AWS allows exactly one.'));
  }
  switch (d.scheme) {
    case 'sigv4-query':
      out.push(...parameterFindings(d, 'Query-string authentication version 4 needs all six of X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders and X-Amz-Expires'));
      if (d.algorithm !== undefined && d.algorithm !== SIGV4_ALGORITHM) {
        out.push(error('unsupported-algorithm', STEP.algorithm, `X-Amz-Algorithm is "${d.algorithm}"; S3 presigned URLs use ${SIGV4_ALGORITHM}.`));
      }
      out.push(...scopeFindings(d, options.endpoint));
      out.push(...presignedTimeFindings(d, options.now, options.maxSkewMs));
      out.push(...unsignedHeaderFindings(req, d));
      out.push(...tokenFindings(d));
      break;
    case 'sigv4-header':
      out.push(...parameterFindings(d, 'The Authorization header needs three components: Credential, SignedHeaders and Signature'));
      out.push(...scopeFindings(d, options.endpoint));
      out.push(...headerTimeFindings(d, options.now, options.maxSkewMs));
      out.push(...contentSha256Findings(req));
      out.push(...unsignedHeaderFindings(req, d));
      out.push(...tokenFindings(d));
      break;
    case 'sigv2-query':
      out.push(...sigV2RegionFindings(options.endpoint));
      out.push(...parameterFindings(d, 'A SigV2 presigned URL needs all three of AWSAccessKeyId, Expires and Signature'));
      out.push(...v2ExpiresFindings(d, options.now));
      out.push(...tokenFindings(d));
      break;
    case 'sigv2-header':
      out.push(...sigV2RegionFindings(options.endpoint));
      out.push(...parameterFindings(d, 'A SigV2 Authorization header is "AWS <access key id>:<signature>"'));
      out.push(...headerTimeFindings(d, options.now, options.maxSkewMs));
      out.push(...tokenFindings(d));
      break;
    case 'none':
      break;
  }
  return out.sort((a, b) => a.step - b.step);
}

function parameterFindings(d: DecodedSignature, what: string): Finding[] {
  if (d.missingParameters.length === 0) return [];
  return [error('missing-parameters', STEP.parameters, `${what}; missing: ${d.missingParameters.join(', ')}.`)];
}

/** `host` and every x-amz-* header (but x-amz-content-sha256) must be signed (sigv4.md §2.4). */
function unsignedHeaderFindings(req: S3Request, d: DecodedSignature): Finding[] {
  if (d.signedHeaders === undefined) return [];
  const unsigned = findUnsignedHeaders(req.headers, d.signedHeaders, { amzHeaders: true });
  if (unsigned.length === 0) return [];
  return [
    error('headers-not-signed', STEP.unsignedHeaders, `Sent but not signed: ${unsigned.join(', ')}. S3 requires host and every x-amz-* header to be in the signed headers (${d.signedHeaders}); add them before signing, or do not send them.`),
  ];
}

/** Header-signed SigV4 requests to S3 must say how the payload is hashed (sigv4.md §2.5). */
function contentSha256Findings(req: S3Request): Finding[] {
  const value = req.headers.get('x-amz-content-sha256');
  if (value === undefined) {
    return [error('missing-content-sha256', STEP.date + 0.7, 'No x-amz-content-sha256 header: S3 requires it on header-signed requests (the body\'s SHA-256, or UNSIGNED-PAYLOAD).')];
  }
  try {
    checkContentSha256(value);
    return [];
  } catch {
    return [error('missing-content-sha256', STEP.date + 0.7, `x-amz-content-sha256 "${value}" is neither a SHA-256 in lower-case hex nor one of S3's literals (UNSIGNED-PAYLOAD, STREAMING-…).`)];
  }
}
