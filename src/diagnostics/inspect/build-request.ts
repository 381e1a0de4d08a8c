/**
 * The S3Request that authentication sees for an inspected request: the same value the HTTP layer
 * builds for a live one (http/to-s3-request.ts), from a URL and headers instead of a socket. The
 * caller decides the query parsing and the addressing (the server uses its own; offline
 * inspection uses tolerant versions), so both run `authenticate` on the same shape.
 */
import { Readable } from 'node:stream';
import { percentDecode } from '../../lib/percent-decode.ts';
import { QueryParams, RequestHeaders, type S3Request } from '../../s3/s3-request.ts';
import { hostnameOf, type UrlParts } from './split-url.ts';

/** A request as parts: what inspection varies to find out what was signed. */
export interface RequestParts {
  method: string;
  url: UrlParts;
  headers: ReadonlyArray<readonly [string, string]>;
}

export interface RequestAddressing {
  bucket: string | undefined;
  key: string | undefined;
  style: 'path' | 'virtual-host';
}

export function buildS3Request(input: {
  method: string;
  url: UrlParts;
  /** As sent; a Host header is added from the URL when missing (every HTTP/1.1 client sends one). */
  headers: ReadonlyArray<readonly [string, string]>;
  query: QueryParams;
  addressing: RequestAddressing;
  now: number;
}): S3Request {
  const headers = requestHeaders(input.headers, input.url.authority);
  return {
    id: 'inspect',
    hostId: 'inspect',
    method: input.method.toUpperCase(),
    rawPath: input.url.rawPath,
    rawQuery: input.url.rawQuery,
    query: input.query,
    headers,
    hostname: hostnameOf(headers.get('host') ?? input.url.authority),
    bucket: input.addressing.bucket,
    key: input.addressing.key,
    addressing: input.addressing.style,
    remoteAddress: '',
    secure: input.url.scheme === 'https',
    tlsVersion: undefined,
    body: Readable.from([]),
    receivedAt: input.now,
  };
}

/** Lower-case names, repeated headers kept in order, Host from the URL unless given. */
export function requestHeaders(pairs: ReadonlyArray<readonly [string, string]>, authority: string): RequestHeaders {
  const map = new Map<string, string[]>();
  for (const [name, value] of pairs) {
    const key = name.trim().toLowerCase();
    const values = map.get(key);
    if (values === undefined) map.set(key, [value]);
    else values.push(value);
  }
  if (!map.has('host')) map.set('host', [authority]);
  return new RequestHeaders(map);
}

/** `a=1&b` → QueryParams, percent-decoding with `+` as a space; a malformed escape is kept as sent. */
export function tolerantQuery(rawQuery: string): QueryParams {
  const decode = (text: string) => percentDecode(text, { plusAsSpace: true });
  const pairs: Array<[string, string]> = [];
  for (const piece of rawQuery.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const name = eq === -1 ? piece : piece.slice(0, eq);
    const value = eq === -1 ? '' : piece.slice(eq + 1);
    pairs.push([decode(name) ?? name, decode(value) ?? value]);
  }
  return new QueryParams(pairs);
}
