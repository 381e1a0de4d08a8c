/**
 * The node:http(s) server around the pipeline: request ids, `Expect: 100-continue`, logging,
 * and graceful shutdown (stop accepting, let in-flight requests finish within a grace period,
 * then cut what is left).
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { AuditSink } from '../diagnostics/audit/audit-log.ts';
import { handleS3Request, type PipelineOutcome } from '../s3/pipeline.ts';
import type { S3Deps } from '../s3/s3-deps.ts';
import type { S3Request } from '../s3/s3-request.ts';
import { toS3Error } from '../s3/errors/to-s3-error.ts';
import { errorResponse } from '../s3/error-response.ts';
import { handleAdminRequest } from './admin-routes.ts';
import { continueOnFirstRead } from './continue-on-read.ts';
import { toS3Request } from './to-s3-request.ts';
import { writeResponse } from './write-response.ts';

/**
 * A handler for requests that are not S3 operations (the STS and IAM Query APIs on the same
 * endpoint): answers them, or returns undefined to let the S3 pipeline have the request.
 */
export type Route = (req: S3Request, message: IncomingMessage) => Promise<PipelineOutcome | undefined>;

export interface HttpServerOptions {
  host: string;
  port: number;
  domains: readonly string[];
  tls: { cert: string; key: string } | undefined;
  /** Tried in order before the S3 pipeline. */
  routes?: readonly Route[];
  /** Where each request's record goes once its response is written (`coffer explain` reads it). */
  audit?: AuditSink;
}

export interface RunningServer {
  /** `http://127.0.0.1:9000` */
  endpoint: string;
  port: number;
  /** Stop accepting, wait for in-flight requests up to `graceMs`, then close every connection. */
  close(graceMs: number): Promise<void>;
}

export async function startHttpServer(deps: S3Deps, options: HttpServerOptions): Promise<RunningServer> {
  let inFlight = 0;
  let drained: (() => void) | undefined;

  const listener = (message: IncomingMessage, res: ServerResponse, expectsContinue: boolean) => {
    inFlight++;
    serve(message, res, expectsContinue, deps, options).finally(() => {
      inFlight--;
      if (inFlight === 0) drained?.();
    });
  };

  const server = options.tls
    ? https.createServer({ cert: options.tls.cert, key: options.tls.key })
    : http.createServer();
  server.on('request', (req, res) => listener(req, res, false));
  server.on('checkContinue', (req, res) => listener(req, res, true));
  // S3 clients keep connections alive between requests; match AWS's generous idle timeout.
  server.keepAliveTimeout = 20_000;
  server.headersTimeout = 60_000;
  server.requestTimeout = 0;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const scheme = options.tls ? 'https' : 'http';
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;

  return {
    endpoint: `${scheme}://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    port,
    close: async (graceMs: number) => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await Promise.race([
          new Promise<void>((resolve) => (drained = resolve)),
          new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref()),
        ]);
      }
      server.closeAllConnections();
      await closed;
    },
  };
}

async function serve(
  message: IncomingMessage,
  res: ServerResponse,
  expectsContinue: boolean,
  deps: S3Deps,
  options: HttpServerOptions,
): Promise<void> {
  const started = performance.now();
  const id = deps.ids.requestId();
  const hostId = deps.ids.hostId();
  const continueSent = expectsContinue ? continueOnFirstRead(message, res) : () => true;
  let outcome: PipelineOutcome;
  let req: S3Request | undefined;
  const receivedAt = deps.clock.now();
  try {
    req = toS3Request(message, { id, hostId, receivedAt, domains: options.domains, body: message });
    let routed = await handleAdminRequest(req, message, deps);
    for (const route of options.routes ?? []) routed ??= await route(req, message);
    outcome = routed ?? (await handleS3Request(req, deps));
  } catch (thrown) {
    // Only a malformed request line or URI gets here: no S3Request could be built.
    const error = toS3Error(thrown);
    outcome = { response: errorResponse(error, { id, hostId }), error };
  }
  // A client still waiting for `100 Continue` will not send its body: the connection cannot be reused.
  // (Other unread bodies are drained by node after the response, keeping the connection usable.)
  const close = expectsContinue && !continueSent();
  await writeResponse(res, outcome.response, { method: message.method ?? 'GET', requestId: id, hostId, now: deps.clock.now(), close });
  const ms = performance.now() - started;
  logOutcome(deps, message, outcome, id, ms);
  options.audit?.record({ requestId: id, req, outcome, receivedAt, method: message.method, remoteAddress: message.socket.remoteAddress, ms });
}

function logOutcome(deps: S3Deps, message: IncomingMessage, outcome: PipelineOutcome, requestId: string, ms: number): void {
  const entry = {
    requestId,
    method: message.method,
    url: redactUrl(message.url ?? ''),
    operation: outcome.operation,
    status: outcome.response.status,
    principal: outcome.auth?.kind === 'signed' ? outcome.auth.principal.arn : 'anonymous',
    ms: Math.round(ms * 10) / 10,
    ...(outcome.error ? { error: outcome.error.code, reason: outcome.error.reason } : {}),
  };
  if (outcome.error?.code === 'InternalError') deps.logger.error(entry, 'request failed');
  else deps.logger.info(entry, 'request');
}

/** Signatures and session tokens never reach the log. */
function redactUrl(url: string): string {
  return url.replace(/([?&](?:X-Amz-Signature|Signature|X-Amz-Security-Token|x-amz-security-token)=)[^&]*/g, '$1REDACTED');
}
