/**
 * A call to Coffer's own `/.coffer/*` endpoints, SigV4-signed when credentials are given. Like the
 * AWS SDKs it corrects itself once: after RequestTimeTooSkewed it re-signs with the server's time
 * (its Date header) — which matters here, since `coffer admin clock` is how the server clock gets
 * moved beyond the skew window in the first place — and after a wrong-region
 * AuthorizationHeaderMalformed it re-signs for the region the server names.
 */
import { parseHttpDate } from '../../lib/dates.ts';
import { parseEndpoint } from './object-url.ts';
import type { SigningCredentials } from './presign-v4.ts';
import { signV4Headers } from './sign-v4-header.ts';

export interface CofferCall {
  endpoint: string;
  path: string;
  method: 'GET' | 'PUT' | 'POST';
  body?: unknown;
  /** Unsigned (anonymous) when absent. */
  credentials?: SigningCredentials;
  region: string;
  now: number;
  fetch: typeof fetch;
}

export interface CofferAnswer {
  status: number;
  /** Parsed JSON. */
  body: unknown;
}

export class CofferCallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CofferCallError';
  }
}

export async function callCoffer(call: CofferCall): Promise<CofferAnswer> {
  let answer = await send(call, call.now, call.region);
  const error = errorOf(answer.body);
  if (call.credentials !== undefined && error?.code === 'RequestTimeTooSkewed' && answer.serverTime !== undefined) {
    answer = await send(call, answer.serverTime, call.region);
  } else if (call.credentials !== undefined && error?.code === 'AuthorizationHeaderMalformed' && typeof error.fields?.Region === 'string') {
    answer = await send(call, call.now, error.fields.Region);
  }
  return { status: answer.status, body: answer.body };
}

async function send(call: CofferCall, now: number, region: string): Promise<CofferAnswer & { serverTime: number | undefined }> {
  const endpoint = parseEndpoint(call.endpoint);
  const body = call.body === undefined ? undefined : JSON.stringify(call.body);
  const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
  const signed =
    call.credentials === undefined
      ? headers
      : signV4Headers({ method: call.method, host: endpoint.host, rawPath: call.path, headers, body: body ?? '', credentials: call.credentials, region, now });
  let response: Response;
  try {
    response = await call.fetch(endpoint.origin + call.path, { method: call.method, headers: signed, ...(body === undefined ? {} : { body }) });
  } catch (e) {
    throw new CofferCallError(`cannot reach ${endpoint.origin}: ${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message}`);
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CofferCallError(`${endpoint.origin}${call.path} answered ${response.status} without JSON: is it a Coffer server? (${text.slice(0, 120).trim()})`);
  }
  const date = response.headers.get('date');
  return { status: response.status, body: parsed, serverTime: date === null ? undefined : parseHttpDate(date) };
}

export function errorOf(body: unknown): { status?: number; code?: string; message?: string; fields?: Record<string, string> } | undefined {
  const error = (body as { error?: unknown } | null)?.error;
  return error !== null && typeof error === 'object' ? (error as { code?: string; message?: string; fields?: Record<string, string> }) : undefined;
}
