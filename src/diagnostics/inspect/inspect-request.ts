/**
 * `coffer inspect` without a server: decode a signed request (presigned URL or Authorization
 * header, SigV4 or SigV2), list every problem it has, predict what AWS answers first by running
 * the server's own `authenticate` on it, and — given the secret — verify the signature and explain
 * a mismatch. Pure apart from the clock value and the secret lookup it is given.
 */
import { isoSeconds } from '../../lib/dates.ts';
import { buildS3Request, tolerantQuery, type RequestParts } from './build-request.ts';
import { checkSignature } from './check-signature.ts';
import { decodeSignature, type DecodedSignature } from './decode-signature.ts';
import { findProblems } from './find-problems.ts';
import type { EndpointFacts, Finding, InspectRequest, Inspection, SignatureCheck, Verdict } from './inspection.ts';
import { offlineAddressing } from './offline-addressing.ts';
import { OfflineCredentialStore } from './offline-credential-store.ts';
import { runAuthenticate, toAwsError } from './run-authenticate.ts';
import type { ServerInspection } from './server-inspection.ts';
import { hostnameOf, splitUrl } from './split-url.ts';

export interface InspectOptions {
  /** The time to judge the request at (epoch ms): now, the server's clock, or a what-if. */
  now: number;
  /** The secret for the request's access key, when known. */
  secretFor?: (accessKeyId: string) => { secret: string; source: string } | undefined;
  /** The region the endpoint serves (`--region`); AWS hosts say it themselves. */
  region?: string;
  /** Extra `<bucket>.<domain>` domains (the --endpoint host). */
  domains?: readonly string[];
  /** Hosts the request may have been signed for (the --endpoint host). */
  alternativeHosts?: readonly string[];
  /** What the server said (`--endpoint`); its region for the bucket is used. */
  server?: ServerInspection;
  maxSkewMs?: number;
}

export class InspectInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InspectInputError';
  }
}

const DEFAULT_SKEW_MS = 15 * 60_000;

export async function inspectRequest(input: InspectRequest, options: InspectOptions): Promise<Inspection> {
  const { now } = options;
  const maxSkewMs = options.maxSkewMs ?? DEFAULT_SKEW_MS;
  const notes: string[] = [];
  const hostGiven = input.headers.find(([n]) => n.toLowerCase() === 'host')?.[1];
  const url = splitUrl(input.url ?? `https://${hostGiven ?? 'host.invalid'}/`);
  if (url === undefined) throw new InspectInputError(`"${input.url}" is not an http(s) URL`);
  if (input.url === undefined) notes.push('No URL given: the path and query are unknown, so the signature cannot be checked. Give the URL (or paste the whole request).');

  const parts: RequestParts = { method: input.method.toUpperCase(), url, headers: input.headers };
  const build = (p: RequestParts) => {
    const host = p.headers.find(([n]) => n.toLowerCase() === 'host')?.[1] ?? p.url.authority;
    const addressing = offlineAddressing(hostnameOf(host), p.url.rawPath, options.domains ?? []);
    return buildS3Request({ method: p.method, url: p.url, headers: p.headers, query: tolerantQuery(p.url.rawQuery), addressing, now });
  };
  const req = build(parts);
  const decoded = decodeSignature(req);
  const endpoint = endpointFacts(req.hostname, parts, options);
  if (input.url === undefined && hostGiven === undefined) endpoint.host = '(unknown: no URL or Host header given)';
  const findings = findProblems(req, decoded, { now, maxSkewMs, endpoint });

  const secret = decoded.accessKeyId === undefined ? undefined : options.secretFor?.(decoded.accessKeyId);
  if (decoded.accessKeyId !== undefined && secret === undefined && decoded.scheme !== 'none') {
    notes.push(`No secret for ${decoded.accessKeyId}: the signature is not checked (give --secret, or have credentials for that key in the environment or a profile).`);
  }
  const signatureCheck =
    secret !== undefined && input.url !== undefined
      ? await checkSignature(parts, decoded, { secret: secret.secret, secretSource: secret.source, build, maxSkewMs, alternativeHosts: options.alternativeHosts ?? [], now })
      : undefined;

  const run = await runAuthenticate(req, {
    credentials: new OfflineCredentialStore(secret?.secret),
    now,
    region: endpoint.region ?? decoded.scope?.region ?? 'us-east-1',
    maxSkewMs,
    sigv2: !findings.some((f) => f.id === 'sigv2-not-supported'),
  });
  const verdict = decide(run, findings, decoded, signatureCheck, input.url !== undefined);
  if (decoded.scheme !== 'none' && options.server === undefined) {
    notes.push('Offline, the key\'s existence and status and a session\'s expiry are unknown: --endpoint asks the server.');
  }
  return {
    request: { method: parts.method, url: input.url, headers: Object.fromEntries(input.headers.map(([n, v]) => [n, v])) },
    scheme: decoded.scheme,
    ...optional('algorithm', decoded.algorithm),
    ...optional('accessKeyId', decoded.accessKeyId),
    ...(decoded.accessKeyId === undefined ? {} : { credentialType: credentialType(decoded.accessKeyId) }),
    ...optional('scope', decoded.scope),
    ...times(decoded, now, maxSkewMs),
    now: isoSeconds(now),
    ...optional('signedHeaders', decoded.signedHeaders?.split(';')),
    ...optional('signature', decoded.signature),
    ...optional('sessionToken', decoded.sessionToken),
    endpoint,
    findings,
    verdict,
    ...optional('signatureCheck', signatureCheck),
    ...optional('server', options.server),
    notes,
  };
}

function decide(
  run: Awaited<ReturnType<typeof runAuthenticate>>,
  findings: Finding[],
  d: DecodedSignature,
  check: SignatureCheck | undefined,
  urlKnown: boolean,
): Verdict {
  if (d.scheme === 'none') {
    return { outcome: 'unknown', explanation: 'The request carries no signature: it is anonymous, and works only where a bucket policy or ACL allows public access.' };
  }
  if (run.kind === 'refused' && run.error.code !== 'SignatureDoesNotMatch') {
    const error = toAwsError(run.error);
    const finding = findings.find((f) => f.severity === 'error' && ERROR_CODES[f.id].includes(error.code));
    if (!urlKnown && finding !== undefined && PARTIAL_INPUT.has(finding.id)) {
      return { outcome: 'unknown', explanation: `Only part of the request was given (${finding.message}) Give the URL and every header it is sent with for a verdict.` };
    }
    if (finding !== undefined) finding.error = error;
    return { outcome: 'refused', error, explanation: finding?.message ?? `${error.code}: ${error.message}`, ...(finding ? { finding: finding.id } : {}) };
  }
  if (!urlKnown) {
    return { outcome: 'unknown', explanation: 'Every check that does not need the URL passes; the signature needs the URL (and the secret) to be checked.' };
  }
  if (run.kind === 'refused') {
    const cause = check?.causes[0];
    return { outcome: 'refused', error: toAwsError(run.error), explanation: cause?.message ?? 'The signature does not match.' };
  }
  if (run.kind === 'secret-needed') {
    return {
      outcome: 'signature-unchecked',
      explanation: 'Every check before the signature passes. Whether the signature is right needs the secret (--secret, or your credentials for this key); whether the key exists and is active needs the server (--endpoint).',
    };
  }
  return { outcome: 'accepted' };
}

/** Problems that, without the URL, may only mean that the user did not paste everything. */
const PARTIAL_INPUT: ReadonlySet<Finding['id']> = new Set(['missing-date', 'missing-content-sha256', 'headers-not-signed']);

/** The codes AWS answers each problem with (forms differ: query vs header, V4 vs V2). */
const ERROR_CODES: Record<Finding['id'], readonly string[]> = {
  'both-mechanisms': ['InvalidArgument'],
  'missing-parameters': ['AuthorizationQueryParametersError', 'AuthorizationHeaderMalformed', 'AccessDenied', 'InvalidArgument'],
  'unsupported-algorithm': ['AuthorizationQueryParametersError'],
  'credential-malformed': ['AuthorizationQueryParametersError', 'AuthorizationHeaderMalformed'],
  'wrong-region': ['AuthorizationQueryParametersError', 'AuthorizationHeaderMalformed'],
  'region-unverified': [],
  'wrong-service': ['AuthorizationQueryParametersError', 'AuthorizationHeaderMalformed'],
  'bad-terminator': ['AuthorizationQueryParametersError', 'AuthorizationHeaderMalformed'],
  'bad-date': ['AuthorizationQueryParametersError'],
  'credential-date-mismatch': ['AuthorizationQueryParametersError', 'AuthorizationHeaderMalformed'],
  'expires-out-of-range': ['AuthorizationQueryParametersError', 'AccessDenied'],
  'not-yet-valid': ['AccessDenied'],
  expired: ['AccessDenied'],
  'clock-skew': ['RequestTimeTooSkewed'],
  'missing-date': ['AccessDenied'],
  'missing-content-sha256': ['InvalidRequest', 'InvalidArgument'],
  'headers-not-signed': ['AccessDenied'],
  'session-token-missing': ['InvalidAccessKeyId'],
  'token-with-long-term-key': ['InvalidToken'],
  'temporary-credentials': [],
  'sigv2-not-supported': ['InvalidRequest'],
  'expires-soon': [],
};

function endpointFacts(hostname: string, parts: RequestParts, options: InspectOptions): EndpointFacts {
  const host = parts.headers.find(([n]) => n.toLowerCase() === 'host')?.[1] ?? parts.url.authority;
  const addressing = offlineAddressing(hostname, parts.url.rawPath, options.domains ?? []);
  const aws = addressing.aws;
  let region: string | undefined;
  let regionSource: EndpointFacts['regionSource'] = 'unknown';
  if (options.server !== undefined) [region, regionSource] = [options.server.region, 'server'];
  else if (options.region !== undefined) [region, regionSource] = [options.region, 'flag'];
  else if (aws?.region !== undefined) [region, regionSource] = [aws.region, 'host'];
  return {
    host,
    aws: aws !== undefined,
    region,
    regionSource,
    global: options.server === undefined && options.region === undefined && aws?.global === true,
    addressing: addressing.style,
    bucket: addressing.bucket,
    key: addressing.key,
  };
}

function times(d: DecodedSignature, now: number, maxSkewMs: number): Partial<Inspection> {
  const out: Partial<Inspection> = {};
  const headerForm = d.scheme === 'sigv4-header' || d.scheme === 'sigv2-header';
  if (d.signedAt !== undefined) {
    out.signedAt = isoSeconds(d.signedAt);
    out.validFrom = isoSeconds(d.signedAt - maxSkewMs);
  }
  if (d.expiresSeconds !== undefined) out.expiresSeconds = d.expiresSeconds;
  const expiresAt = headerForm ? (d.signedAt === undefined ? undefined : d.signedAt + maxSkewMs) : d.expiresAt;
  if (expiresAt !== undefined) {
    out.expiresAt = isoSeconds(expiresAt);
    out.secondsUntilExpiry = Math.floor((expiresAt - now) / 1000);
  }
  return out;
}

function credentialType(accessKeyId: string): 'long-term' | 'temporary' | 'unknown' {
  return accessKeyId.startsWith('AKIA') ? 'long-term' : accessKeyId.startsWith('ASIA') ? 'temporary' : 'unknown';
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
