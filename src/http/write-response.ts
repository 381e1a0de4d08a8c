/**
 * The one renderer: S3Response → node's ServerResponse. Adds the headers every S3 response
 * carries, never writes a body for HEAD or 304, and streams bodies with backpressure.
 */
import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { S3Response } from '../s3/s3-response.ts';
import { httpDate } from '../lib/dates.ts';

export interface ResponseEnvelope {
  method: string;
  requestId: string;
  hostId: string;
  /** The server's now (injected clock), for the Date header. */
  now: number;
  /** Close the connection after this response (the body was never read). */
  close: boolean;
}

export async function writeResponse(res: ServerResponse, response: S3Response, envelope: ResponseEnvelope): Promise<void> {
  res.statusCode = response.status;
  res.setHeader('x-amz-request-id', envelope.requestId);
  res.setHeader('x-amz-id-2', envelope.hostId);
  res.setHeader('date', httpDate(envelope.now));
  res.setHeader('server', 'Coffer');
  for (const name in response.headers) res.setHeader(name, response.headers[name]!);
  if (envelope.close) res.setHeader('connection', 'close');

  const body = response.body;
  const bodiless = envelope.method === 'HEAD' || response.status === 304 || response.status === 204;
  if (body === undefined || bodiless) {
    if (body instanceof Readable) body.destroy();
    if (!bodiless && !res.hasHeader('content-length')) res.setHeader('content-length', 0);
    res.end();
    return;
  }
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    res.setHeader('content-length', Buffer.byteLength(body));
    res.end(body);
    return;
  }
  try {
    await pipeline(body, res);
  } catch {
    // The client went away or the blob read failed mid-stream: the status line is gone
    // already, so the only honest signal left is a cut connection.
    res.destroy();
  }
}
