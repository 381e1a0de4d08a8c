/**
 * Coffer's own endpoints under `/.coffer/` (never a bucket: S3 bucket names cannot start with
 * a dot), path-style only — on a virtual-hosted bucket `/.coffer/…` is an object key:
 *
 * - `POST /.coffer/inspect` `{ url }` or `{ method, url, headers }`: what this server would answer
 *   to that request now, and why (diagnostics/inspect/inspect-on-server.ts, which also says why
 *   this is safe to answer). Anyone may ask; a call signed by an account root sees more.
 * - `GET /.coffer/clock`, `PUT /.coffer/clock` `{ "offset": "+20m" }`: read and move the server
 *   clock (AdjustableClock), for reproducing skew and expiry on demand. Account roots only,
 *   SigV4-signed like any S3 request.
 *
 * Answers are JSON; errors are `{ "error": { status, code, message, fields } }` with the status
 * and S3 error code the S3 endpoint would use. Returns undefined for paths that are not Coffer's,
 * which then go to the S3 pipeline.
 */
import type { IncomingMessage } from 'node:http';
import { authenticate } from '../auth/authenticate.ts';
import type { Authentication } from '../auth/authentication.ts';
import { openPayload } from '../auth/payload/open-payload.ts';
import { ConfigError, parseDuration } from '../config/config.ts';
import { inspectOnServer } from '../diagnostics/inspect/inspect-on-server.ts';
import { buildS3Request, tolerantQuery } from '../diagnostics/inspect/build-request.ts';
import { toAwsError } from '../diagnostics/inspect/run-authenticate.ts';
import type { ServerClock } from '../diagnostics/inspect/server-inspection.ts';
import { hostnameOf, splitUrl } from '../diagnostics/inspect/split-url.ts';
import { AdjustableClock } from '../lib/clock.ts';
import { isoSeconds } from '../lib/dates.ts';
import { formatOffset } from '../lib/format-duration.ts';
import { S3Error, invalidRequest } from '../s3/errors/s3-error.ts';
import { toS3Error } from '../s3/errors/to-s3-error.ts';
import type { PipelineOutcome } from '../s3/pipeline.ts';
import { readBodyLimited } from '../s3/read-body.ts';
import type { S3Deps } from '../s3/s3-deps.ts';
import type { S3Request } from '../s3/s3-request.ts';
import { resolveAddressing } from './addressing.ts';
import { parseQuery } from './parse-query.ts';

export const ADMIN_PREFIX = '/.coffer/';
const ADMIN_BUCKET = '.coffer';
const BODY_LIMIT = 64 * 1024;

export async function handleAdminRequest(
  req: S3Request,
  _message: IncomingMessage,
  deps: S3Deps,
): Promise<PipelineOutcome | undefined> {
  if (req.addressing !== 'path' || req.bucket !== ADMIN_BUCKET || !req.rawPath.startsWith(ADMIN_PREFIX)) return undefined;
  try {
    const route = req.rawPath.slice(ADMIN_PREFIX.length);
    if (route === 'inspect') {
      requireMethod(req, ['POST']);
      const { body, auth } = await inspect(req, deps);
      return { ...json(body), auth };
    }
    if (route === 'clock') {
      requireMethod(req, ['GET', 'PUT']);
      const { body, auth } = await clock(req, deps);
      return { ...json(body), auth };
    }
    throw new S3Error('InvalidRequest', { message: `No such Coffer endpoint: ${req.rawPath} (there are /.coffer/inspect and /.coffer/clock).` });
  } catch (thrown) {
    const error = toS3Error(thrown);
    return { response: { status: error.status, headers: { 'content-type': 'application/json', ...error.headers }, body: JSON.stringify({ error: toAwsError(error) }) + '\n' }, error };
  }
}

async function inspect(req: S3Request, deps: S3Deps) {
  const auth = await authenticateIfSigned(req, deps);
  const body = parseJson(await readBody(req, auth));
  const url = typeof body.url === 'string' ? splitUrl(body.url) : undefined;
  if (url === undefined) throw invalidRequest('The body must be JSON with "url": an absolute http(s) URL, and optionally "method" and "headers".');
  const method = typeof body.method === 'string' && body.method !== '' ? body.method.toUpperCase() : 'GET';
  const headers = headerPairs(body.headers);
  const host = headers.find(([n]) => n.toLowerCase() === 'host')?.[1] ?? url.authority;

  // Parsed as the HTTP layer parses a live request; what it would refuse (InvalidURI) is the outcome.
  let refusal: S3Error | undefined;
  let query;
  let addressing;
  try {
    query = parseQuery(url.rawQuery);
    // The server's --domain list is not at hand here: the inspect call's own host and `localhost`
    // cover `<bucket>.<the host you talk to>` and Coffer's default domain.
    addressing = resolveAddressing(hostnameOf(host), url.rawPath, [req.hostname, 'localhost']);
  } catch (thrown) {
    refusal = toS3Error(thrown);
  }
  const now = deps.clock.now();
  const inspected = buildS3Request({
    method,
    url,
    headers,
    query: query ?? tolerantQuery(url.rawQuery),
    addressing: addressing ?? { bucket: undefined, key: undefined, style: 'path' },
    now,
  });
  const bucket = inspected.bucket === undefined ? undefined : await deps.metadata.getBucket(inspected.bucket);
  const report = await inspectOnServer(inspected, {
    credentials: deps.credentials,
    now,
    clockOffsetMs: clockOffset(deps),
    region: bucket?.region ?? deps.region,
    maxSkewMs: deps.maxSkewMs,
    sigv2: deps.sigv2,
    disclosure: auth.kind === 'signed' && auth.principal.type === 'Account' ? 'account-root' : 'request',
  });
  return { auth, body: refusal === undefined ? report : { ...report, outcome: { accepted: false as const, error: toAwsError(refusal) } } };
}

/** The clock, and who asked (the log line names them). */
async function clock(req: S3Request, deps: S3Deps): Promise<{ body: ServerClock; auth: Authentication }> {
  const auth = await authenticateIfSigned(req, deps);
  if (auth.kind !== 'signed' || auth.principal.type !== 'Account') {
    throw new S3Error('AccessDenied', {
      message: 'Only an account root may read or move the server clock: sign the request with the root access key (coffer admin clock does).',
      reason: `/.coffer/clock called by ${auth.kind === 'signed' ? auth.principal.arn : 'anonymous'}`,
    });
  }
  if (req.method === 'PUT') {
    if (!(deps.clock instanceof AdjustableClock)) throw new S3Error('NotImplemented', { message: 'This server was started with a clock that cannot be moved.' });
    const body = parseJson(await readBody(req, auth));
    const offset = body.offset;
    let ms: number;
    try {
      ms = typeof offset === 'number' ? Math.round(offset) : typeof offset === 'string' ? parseDuration(offset, 'offset') : NaN;
    } catch (thrown) {
      if (thrown instanceof ConfigError) throw invalidRequest(thrown.message);
      throw thrown;
    }
    if (!Number.isFinite(ms)) throw invalidRequest('The body must be JSON like {"offset": "+20m"} (a duration: 90s, 15m, -2h, 0) or {"offset": <milliseconds>}.');
    const before = deps.clock.offsetMs;
    deps.clock.offsetMs = ms;
    await deps.shareClockOffset?.(ms);
    deps.logger.warn({ offset: formatOffset(ms), previous: formatOffset(before), by: auth.principal.arn }, 'server clock moved');
  }
  return { auth, body: { now: isoSeconds(deps.clock.now()), offsetMs: clockOffset(deps), offset: formatOffset(clockOffset(deps)) } };
}

/** A signed call must be signed right; an unsigned one is anonymous. Same rules as any S3 request. */
function authenticateIfSigned(req: S3Request, deps: S3Deps): Promise<Authentication> {
  return authenticate(req, {
    credentials: deps.credentials,
    clock: deps.clock,
    region: deps.region,
    maxSkewMs: deps.maxSkewMs,
    sigv2: deps.sigv2,
    expectedService: 's3',
  });
}

/** The body, verified against x-amz-content-sha256 as it is read, like any S3 request body. */
async function readBody(req: S3Request, auth: Authentication): Promise<string> {
  return (await readBodyLimited(openPayload(req, auth), BODY_LIMIT)).toString('utf8');
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text === '' ? '{}' : text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw invalidRequest('The request body must be a JSON object.');
}

/** `{ "Name": "value" }` or `[["Name", "value"], …]` (repeated headers). */
function headerPairs(value: unknown): Array<[string, string]> {
  if (Array.isArray(value)) {
    return value.filter((p): p is [string, string] => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'string').map(([n, v]) => [n, v]);
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string');
  }
  return [];
}

function clockOffset(deps: S3Deps): number {
  return deps.clock instanceof AdjustableClock ? deps.clock.offsetMs : 0;
}

function requireMethod(req: S3Request, allowed: readonly string[]): void {
  if (!allowed.includes(req.method)) {
    throw new S3Error('MethodNotAllowed', { fields: [['Method', req.method], ['ResourceType', 'COFFER']], headers: { allow: allowed.join(', ') } });
  }
}

function json(body: unknown): PipelineOutcome {
  return { response: { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body, null, 2) + '\n' } };
}
