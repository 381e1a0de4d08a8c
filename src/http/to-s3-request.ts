/**
 * node's IncomingMessage → S3Request. No S3 meaning yet beyond finding bucket and key.
 */
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Readable } from 'node:stream';
import { RequestHeaders, type S3Request } from '../s3/s3-request.ts';
import { resolveAddressing } from './addressing.ts';
import { parseQuery } from './parse-query.ts';

export interface RequestContext {
  id: string;
  hostId: string;
  receivedAt: number;
  domains: readonly string[];
  /** The body as the handler sees it (it sends `100 Continue` when first read). */
  body: Readable;
}

export function toS3Request(message: IncomingMessage, context: RequestContext): S3Request {
  let target = message.url ?? '/';
  // Absolute-form request targets (`GET http://host/path`) carry the authority; drop it.
  if (!target.startsWith('/')) {
    const m = /^[a-z]+:\/\/[^/]*(\/.*)?$/i.exec(target);
    target = m ? (m[1] ?? '/') : '/' + target;
  }
  const q = target.indexOf('?');
  const rawPath = q === -1 ? target : target.slice(0, q);
  const rawQuery = q === -1 ? '' : target.slice(q + 1);
  const headers = new RequestHeaders(new Map(Object.entries(message.headersDistinct) as Array<[string, string[]]>));
  const hostname = hostOf(headers.get('host') ?? '');
  const addressing = resolveAddressing(hostname, rawPath, context.domains);
  const socket = message.socket as Partial<TLSSocket>;
  const secure = socket.encrypted === true;
  return {
    id: context.id,
    hostId: context.hostId,
    method: (message.method ?? 'GET').toUpperCase(),
    rawPath,
    rawQuery,
    query: parseQuery(rawQuery),
    headers,
    hostname,
    bucket: addressing.bucket,
    key: addressing.key,
    addressing: addressing.style,
    remoteAddress: normaliseAddress(message.socket.remoteAddress ?? ''),
    secure,
    tlsVersion: secure && typeof socket.getProtocol === 'function' ? (socket.getProtocol() ?? undefined) : undefined,
    body: context.body,
    receivedAt: context.receivedAt,
  };
}

/** `Host: Bucket.LocalHost:9000` → `bucket.localhost`; `[::1]:9000` → `::1`. */
function hostOf(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']'));
  const colon = h.lastIndexOf(':');
  return colon === -1 ? h : h.slice(0, colon);
}

/** `::ffff:127.0.0.1` → `127.0.0.1`, so IPv4 policies match dual-stack sockets. */
function normaliseAddress(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
