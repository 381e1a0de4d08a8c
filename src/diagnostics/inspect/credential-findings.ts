/**
 * Findings about who signed and for where: the SigV4 credential scope (its five parts, the
 * service, the terminator, and the region against the one the host serves), and the session
 * token that temporary credentials need. Steps follow errors.md §9.1.
 */
import { SCOPE_TERMINATOR } from '../../auth/sigv4/constants.ts';
import { SIGV2_REGIONS } from '../signing/aws-s3-host.ts';
import type { DecodedSignature } from './decode-signature.ts';
import type { EndpointFacts, Finding } from './inspection.ts';

export const STEP = {
  mechanism: 1,
  parameters: 2,
  algorithm: 3,
  credential: 4,
  signedHeaders: 5,
  date: 6,
  expiresRange: 7,
  notYetValid: 8,
  expired: 9,
  unsignedHeaders: 10,
  accessKey: 11,
  expiredToken: 12,
  signature: 13,
  strayToken: 14,
} as const;

export function scopeFindings(decoded: DecodedSignature, endpoint: EndpointFacts): Finding[] {
  const where = decoded.scheme === 'sigv4-query' ? 'X-Amz-Credential' : 'the Credential of the Authorization header';
  if (decoded.credential === undefined) return [];
  const scope = decoded.scope;
  if (scope === undefined || scope.terminator.includes('/') || decoded.accessKeyId === undefined) {
    return [error('credential-malformed', STEP.credential, `${where} "${decoded.credential}" does not have the five parts <access key id>/YYYYMMDD/<region>/s3/aws4_request.`)];
  }
  const out: Finding[] = [];
  if (!/^\d{8}$/.test(scope.date)) {
    out.push(error('credential-malformed', STEP.credential, `The date in ${where}, "${scope.date}", is not YYYYMMDD.`));
  }
  out.push(...regionFindings(scope.region, endpoint));
  if (scope.service !== 's3') {
    out.push(error('wrong-service', STEP.credential, `Signed for the service "${scope.service}"; S3 requests must be signed for "s3" (a generic SigV4 signer was given the wrong service name).`));
  }
  if (scope.terminator !== SCOPE_TERMINATOR) {
    out.push(error('bad-terminator', STEP.credential, `The credential scope ends in "${scope.terminator}" instead of "${SCOPE_TERMINATOR}".`));
  }
  return out;
}

function regionFindings(region: string, endpoint: EndpointFacts): Finding[] {
  if (endpoint.global) {
    return [info('region-unverified', STEP.credential, `Signed for ${region}. ${endpoint.host} is AWS's global endpoint: the bucket's own region must be signed for; if the bucket is elsewhere AWS answers with the region it expects.`)];
  }
  if (endpoint.region === undefined) {
    return [info('region-unverified', STEP.credential, `Signed for ${region}; the region ${endpoint.host} serves is not known offline (pass --region, or --endpoint to ask the server).`)];
  }
  if (endpoint.region === region) return [];
  const by = { host: `the host ${endpoint.host} serves`, flag: 'the endpoint serves (--region)', server: 'the server expects for this bucket', unknown: '' }[endpoint.regionSource];
  return [error('wrong-region', STEP.credential, `Signed for ${region}, but ${endpoint.region} is the region ${by}: AWS refuses a signature for another region before looking at anything else, and names the right one.`)];
}

/** ASIA… keys need their session token; AKIA… keys must not send one (errors.md §5). */
export function tokenFindings(decoded: DecodedSignature): Finding[] {
  const id = decoded.accessKeyId;
  if (id === undefined) return [];
  const temporary = id.startsWith('ASIA');
  if (temporary && decoded.sessionToken === undefined) {
    const param = decoded.scheme === 'sigv4-query' ? 'X-Amz-Security-Token' : 'x-amz-security-token';
    return [error('session-token-missing', STEP.accessKey, `${id} is a temporary (STS) access key but the request has no ${param}: AWS cannot find the session and answers InvalidAccessKeyId.`)];
  }
  if (id.startsWith('AKIA') && decoded.sessionToken !== undefined) {
    return [error('token-with-long-term-key', STEP.strayToken, `A session token was sent with the long-term key ${id}; AWS answers InvalidToken (after checking the signature). Drop the token or use the session's ASIA… key.`)];
  }
  if (decoded.sessionToken !== undefined) {
    return [info('temporary-credentials', STEP.expiredToken, `Signed with temporary credentials (session token present): the request stops working when the session expires (ExpiredToken), even if the signature itself is still valid.`)];
  }
  return [];
}

/** SigV2 on AWS works only in regions launched before 2014 (sigv2-and-post.md §3). */
export function sigV2RegionFindings(endpoint: EndpointFacts): Finding[] {
  if (!endpoint.aws || endpoint.region === undefined || SIGV2_REGIONS.has(endpoint.region)) return [];
  return [error('sigv2-not-supported', STEP.mechanism, `${endpoint.region} only accepts Signature Version 4: AWS refuses every SigV2 request there with InvalidRequest.`)];
}

export function error(id: Finding['id'], step: number, message: string): Finding {
  return { id, severity: 'error', step, message };
}

export function info(id: Finding['id'], step: number, message: string): Finding {
  return { id, severity: 'info', step, message };
}
