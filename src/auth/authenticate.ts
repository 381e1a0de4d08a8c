/**
 * Authentication: which scheme a request uses, and the verified identity behind it, as a value
 * (ARCHITECTURE.md, "The request, end to end", step 3). Expiry and clock skew are decided here,
 * against the injected clock. The checks run in AWS's order (../shared/spec/errors.md §9): the
 * first failing check is the error the client sees.
 */
import type { Clock } from '../lib/clock.ts';
import { S3Error, invalidArgument } from '../s3/errors/s3-error.ts';
import type { QueryParams, S3Request } from '../s3/s3-request.ts';
import type { Authentication } from './authentication.ts';
import type { CredentialStore } from './credential-store.ts';
import { authenticateV2 } from './sigv2/authenticate-v2.ts';
import { authenticateV4Header } from './sigv4/authenticate-v4-header.ts';
import { authenticateV4Query } from './sigv4/authenticate-v4-query.ts';
import { PRESIGN_PARAMS, SIGV4_ALGORITHM } from './sigv4/constants.ts';
import { genericServiceRules, s3Rules, type ServiceRules } from './sigv4/service-rules.ts';
import type { SigV4Context } from './sigv4/sigv4-context.ts';

/** The SigV4 services a Coffer endpoint answers: S3 itself, and the STS / IAM Query APIs. */
export type SigningService = 's3' | 'sts' | 'iam';

export interface AuthenticateDeps {
  credentials: CredentialStore;
  clock: Clock;
  /** The region credential scopes must name: the addressed bucket's region, else the endpoint's. */
  region: string;
  /** Allowed difference between request time and server time; AWS uses 900 000 (15 minutes). */
  maxSkewMs: number;
  /**
   * The service(s) this request may be signed for (default `s3`). With several, the credential
   * scope picks one (the result's `scope.service` says which); wrong-service errors name the first.
   * IAM is global: its scope must say `us-east-1` whatever `region` is.
   */
  expectedService?: SigningService | readonly SigningService[];
  /**
   * Hex SHA-256 of the request body. Required when `sts` or `iam` is accepted: those services sign
   * the body hash itself rather than an x-amz-content-sha256 header, and their (small) Query-API
   * bodies are read before authentication.
   */
  payloadSha256?: string;
  /**
   * Accept Signature Version 2 (header and query). AWS accepts it for buckets created before
   * June 2020; `--sigv2=off` refuses it as newer buckets do. Default: accepted.
   */
  sigv2?: boolean;
}

export async function authenticate(req: S3Request, deps: AuthenticateDeps): Promise<Authentication> {
  const authorization = req.headers.values('authorization');
  // Two Authorization headers: AWS answers 501 (errors.md §4).
  if (authorization.length > 1) throw new S3Error('NotImplemented', { fields: [['Header', 'Authorization']] });
  const inQuery = queryMechanisms(req);

  if (authorization.length === 1) {
    const value = authorization[0]!;
    if (inQuery.v4 || inQuery.v2) throw onlyOneMechanism('Authorization', value);
    return authenticateHeader(req, value, deps);
  }
  if (inQuery.v4 && inQuery.v2) throw onlyOneMechanism(PRESIGN_PARAMS.algorithm, req.query.get(PRESIGN_PARAMS.algorithm));
  if (inQuery.v4) return authenticateV4Query(req, sigV4Context(deps));
  if (inQuery.v2) return authenticateV2(req, deps, { form: 'query' });
  return anonymous(req);
}

function authenticateHeader(req: S3Request, value: string, deps: AuthenticateDeps): Promise<Authentication> {
  // An empty Authorization header is a plain 403 (AWS, errors.md §4).
  if (value.trim() === '') throw new S3Error('AccessDenied', { reason: 'empty Authorization header' });
  const space = value.indexOf(' ');
  if (space === -1) {
    throw invalidArgument("Authorization header is invalid -- one and only one ' ' (space) required.", 'Authorization', value);
  }
  const scheme = value.slice(0, space);
  if (scheme === SIGV4_ALGORITHM) return authenticateV4Header(req, value.slice(space + 1), sigV4Context(deps));
  if (scheme === 'AWS') return authenticateV2(req, deps, { form: 'header', authorization: value });
  throw invalidArgument('Unsupported Authorization Type', 'Authorization', value);
}

const SIGNED_STREAMING = new Set([
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
  'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD',
  'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER',
]);

function anonymous(req: S3Request): Authentication {
  // AWS treats an x-amz-date without any signature as an incomplete signature, not as anonymous.
  if (req.headers.has('x-amz-date')) {
    throw new S3Error('AccessDenied', { reason: 'x-amz-date sent without Authorization or presigned parameters' });
  }
  // Signed chunks need a seed signature; anonymous uploads may only stream unsigned (sigv4.md §5.6).
  const contentSha256 = req.headers.get('x-amz-content-sha256');
  if (contentSha256 !== undefined && SIGNED_STREAMING.has(contentSha256)) {
    throw new S3Error('InvalidRequest', {
      message:
        "Anonymous requests don't support this x-amz-content-sha256 value. Please use UNSIGNED-PAYLOAD or STREAMING-UNSIGNED-PAYLOAD-TRAILER.",
    });
  }
  return { kind: 'anonymous', principal: { type: 'Anonymous' } };
}

const V4_PARAMS: ReadonlySet<string> = new Set(Object.values(PRESIGN_PARAMS));
const V2_PARAMS: ReadonlySet<string> = new Set(['AWSAccessKeyId', 'Signature', 'Expires']);

/**
 * Which query-string mechanisms the request carries. Any one of the six X-Amz-* parameters makes
 * it a presigned V4 request (a partial set is AuthorizationQueryParametersError, sigv4.md §4.1);
 * any SigV2 parameter makes it a presigned V2 request.
 */
function queryMechanisms(req: S3Request): { v4: boolean; v2: boolean } {
  if (req.rawQuery === '') return NONE;
  return scan(req.query);
}

const NONE = { v4: false, v2: false } as const;

function scan(query: QueryParams): { v4: boolean; v2: boolean } {
  let v4 = false;
  let v2 = false;
  for (const [name] of query.all()) {
    if (V4_PARAMS.has(name)) v4 = true;
    else if (V2_PARAMS.has(name)) v2 = true;
  }
  return v4 || v2 ? { v4, v2 } : NONE;
}

function onlyOneMechanism(argumentName: string, argumentValue: string | undefined): S3Error {
  return invalidArgument(
    'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
    argumentName,
    argumentValue,
  );
}

function sigV4Context(deps: AuthenticateDeps): SigV4Context {
  const expected = deps.expectedService ?? 's3';
  const names: readonly SigningService[] = typeof expected === 'string' ? [expected] : expected;
  if (names.length === 0) throw new TypeError('authenticate: expectedService must name at least one service');
  return {
    credentials: deps.credentials,
    now: deps.clock.now(),
    maxSkewMs: deps.maxSkewMs,
    accepted: names.map((name) => rulesFor(name, deps)),
  };
}

function rulesFor(service: SigningService, deps: AuthenticateDeps): ServiceRules {
  if (service === 's3') return s3Rules(deps.region);
  if (deps.payloadSha256 === undefined) {
    throw new TypeError(`authenticate: payloadSha256 is required when ${service} requests are accepted`);
  }
  return genericServiceRules({
    service,
    // IAM is a global service signed for us-east-1 (sts-iam.md); STS answers in the endpoint's region.
    region: service === 'iam' ? 'us-east-1' : deps.region,
    payloadSha256: deps.payloadSha256,
  });
}
