/**
 * The STS and IAM Query APIs on Coffer's endpoint: `POST /` with a form body (or `GET /?Action=`).
 * Reads the small body, authenticates it for the service its credential scope names (the body's
 * SHA-256 is part of what those services sign), dispatches to the action, and answers in the
 * Query protocol's XML — never S3's.
 */
import { createHash, randomUUID } from 'node:crypto';
import { authenticate } from '../auth/authenticate.ts';
import { ANONYMOUS } from '../auth/principal.ts';
import type { Authentication } from '../auth/authentication.ts';
import type { CredentialStore } from '../auth/credential-store.ts';
import type { Clock } from '../lib/clock.ts';
import type { PipelineOutcome } from '../s3/pipeline.ts';
import type { S3Request } from '../s3/s3-request.ts';
import { QueryApiError } from './query-error.ts';
import { queryAuthError } from './query-auth-error.ts';
import { QueryParameters } from './query-request.ts';
import type { QueryService } from './query-service.ts';
import { printXml, type XmlElement } from './query-xml.ts';

export interface QueryApiDeps {
  services: readonly QueryService[];
  credentials: CredentialStore;
  clock: Clock;
  region: string;
  maxSkewMs: number;
}

const MAX_BODY = 1024 * 1024;
const GENERIC_FAULT_NS = 'http://webservices.amazon.com/AWSFault/2005-15-09';

/** Is this a Query-protocol call rather than an S3 request? */
export function isQueryApiRequest(req: S3Request): boolean {
  if (req.bucket !== undefined) return false;
  if (req.method === 'POST') return (req.headers.get('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
  return req.method === 'GET' && req.query.has('Action');
}

export async function handleQueryRequest(req: S3Request, deps: QueryApiDeps): Promise<PipelineOutcome | undefined> {
  if (deps.services.length === 0 || !isQueryApiRequest(req)) return undefined;
  const requestId = randomUUID();
  let namespace = deps.services[0]?.namespace ?? GENERIC_FAULT_NS;
  let auth: Authentication | undefined;
  try {
    const body = req.method === 'POST' ? await readBody(req) : Buffer.alloc(0);
    const params = req.method === 'POST' ? QueryParameters.fromForm(body.toString('utf8')) : new QueryParameters(req.query.all());
    const action = params.get('Action');
    if (action === undefined) {
      // AWS answers a call without an Action with a redirect to the service's home page.
      const location = 'https://aws.amazon.com/iam' + (req.method === 'GET' && req.rawQuery ? `?${req.rawQuery}` : '');
      return { response: { status: 302, headers: { location } } };
    }
    const unsignedService = deps.services.find((s) => s.actions[action]?.unsigned);
    const hasSignature = req.headers.has('authorization') || req.query.has('X-Amz-Signature');
    let service: QueryService | undefined;
    if (unsignedService && !hasSignature) {
      service = unsignedService;
      auth = { kind: 'anonymous', principal: ANONYMOUS as Extract<typeof ANONYMOUS, { type: 'Anonymous' }> };
    } else {
      const names = deps.services.map((s) => s.name);
      try {
        auth = await authenticate(req, {
          credentials: deps.credentials,
          clock: deps.clock,
          region: deps.region,
          maxSkewMs: deps.maxSkewMs,
          expectedService: names,
          payloadSha256: createHash('sha256').update(body).digest('hex'),
        });
      } catch (e) {
        throw queryAuthError(e, names[0]!);
      }
      if (auth.kind !== 'signed') {
        throw new QueryApiError(403, 'MissingAuthenticationToken', 'Request is missing Authentication Token');
      }
      // The credential scope says which service the caller meant.
      const scoped = auth.scope?.service;
      service = deps.services.find((s) => s.name === scoped);
    }
    if (service === undefined) throw invalidAction(action, params.get('Version'));
    namespace = service.namespace;
    const handler = service.actions[action];
    const version = params.get('Version');
    if (handler === undefined || version !== service.version) throw invalidAction(action, version);

    const result = await handler.handle({ req, params, auth, clock: deps.clock, requestId });
    const children: Array<XmlElement | undefined> = [];
    if (result !== undefined) children.push([`${action}Result`, result]);
    children.push(['ResponseMetadata', [['RequestId', requestId]]]);
    return {
      response: {
        status: 200,
        headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
        body: printXml([`${action}Response`, children], `xmlns="${namespace}"`),
      },
      auth,
    };
  } catch (thrown) {
    const error =
      thrown instanceof QueryApiError
        ? thrown
        : new QueryApiError(500, 'ServiceFailure', 'An internal error occurred.', { reason: thrown instanceof Error ? thrown.stack : String(thrown) });
    const ns = error.genericFault ? GENERIC_FAULT_NS : namespace;
    const xml = printXml(
      ['ErrorResponse', [['Error', [['Type', error.type], ['Code', error.code], ['Message', error.message]]], ['RequestId', requestId]]],
      `xmlns="${ns}"`,
    );
    return {
      response: { status: error.status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body: xml },
      auth,
    };
  }
}

function invalidAction(action: string, version: string | undefined): QueryApiError {
  return new QueryApiError(400, 'InvalidAction', `Could not find operation ${action} for version ${version ?? 'NO_VERSION_SPECIFIED'}`, {
    genericFault: true,
  });
}

async function readBody(req: S3Request): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req.body) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new QueryApiError(413, 'RequestEntityTooLarge', 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
