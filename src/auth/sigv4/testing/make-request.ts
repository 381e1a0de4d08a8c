/**
 * Test support: builds an S3Request the way src/http does from node's IncomingMessage, without a
 * socket. Header values are turned into node's form (one character per UTF-8 byte, latin1) so
 * that tests can write natural text; `rawPath`/`rawQuery` are taken verbatim from `target`.
 */
import { Readable } from 'node:stream';
import { percentDecode } from '../../../lib/percent-decode.ts';
import { QueryParams, RequestHeaders, type S3Request } from '../../../s3/s3-request.ts';

export type HeaderList = ReadonlyArray<readonly [name: string, value: string]>;

export interface RequestSpec {
  method?: string;
  /** Request target as on the request line: `/path?query`. */
  target: string;
  /** Headers in order; repeat a name to send it several times. */
  headers?: HeaderList | Record<string, string>;
  body?: string | Buffer;
}

export function makeRequest(spec: RequestSpec): S3Request {
  const q = spec.target.indexOf('?');
  const rawPath = q === -1 ? spec.target : spec.target.slice(0, q);
  const rawQuery = q === -1 ? '' : spec.target.slice(q + 1);
  const list: HeaderList = Array.isArray(spec.headers) ? spec.headers : Object.entries(spec.headers ?? {});
  const map = new Map<string, string[]>();
  for (const [name, value] of list) {
    const key = name.toLowerCase();
    const bytes = Buffer.from(value, 'utf8').toString('latin1');
    const existing = map.get(key);
    if (existing === undefined) map.set(key, [bytes]);
    else existing.push(bytes);
  }
  const headers = new RequestHeaders(map);
  const host = (headers.get('host') ?? '').toLowerCase().replace(/:\d+$/, '');
  return {
    id: 'TESTREQUEST00000',
    hostId: 'test-host-id',
    method: spec.method ?? 'GET',
    rawPath,
    rawQuery,
    query: parseQuery(rawQuery),
    headers,
    hostname: host,
    bucket: undefined,
    key: undefined,
    addressing: 'virtual-host',
    remoteAddress: '127.0.0.1',
    secure: false,
    tlsVersion: undefined,
    body: Readable.from(spec.body === undefined ? [] : [Buffer.from(spec.body)]),
    receivedAt: 0,
  };
}

/** As src/http/parse-query.ts; malformed escapes are kept literally (the verifier must cope). */
function parseQuery(rawQuery: string): QueryParams {
  const pairs: Array<[string, string]> = [];
  for (const piece of rawQuery.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const name = eq === -1 ? piece : piece.slice(0, eq);
    const value = eq === -1 ? '' : piece.slice(eq + 1);
    pairs.push([decode(name), decode(value)]);
  }
  return new QueryParams(pairs);
}

function decode(text: string): string {
  return percentDecode(text, { plusAsSpace: true }) ?? text;
}
