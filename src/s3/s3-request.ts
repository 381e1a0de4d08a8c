/**
 * S3Request: an HTTP request as the S3 layer sees it, before any S3 meaning is given to it.
 * Built by http/ from node's IncomingMessage; read-only from then on.
 */
import type { Readable } from 'node:stream';

export interface S3Request {
  /** x-amz-request-id of this request. */
  readonly id: string;
  /** x-amz-id-2 of this request (the HostId of error documents). */
  readonly hostId: string;
  /** Upper-case method as sent. */
  readonly method: string;
  /** The path as on the request line, still percent-encoded (the canonical URI is built from it). */
  readonly rawPath: string;
  /** Everything after the first `?`, as sent ('' when none). */
  readonly rawQuery: string;
  readonly query: QueryParams;
  readonly headers: RequestHeaders;
  /** Host header without the port, lower-cased. */
  readonly hostname: string;
  /** Bucket from the virtual host or the first path segment; undefined for the service (GET /). */
  readonly bucket: string | undefined;
  /** Object key, decoded (`+` is a space, as on S3); undefined when the bucket itself is addressed. */
  readonly key: string | undefined;
  readonly addressing: 'path' | 'virtual-host';
  readonly remoteAddress: string;
  /** Arrived over TLS. */
  readonly secure: boolean;
  /** e.g. `TLSv1.3`, when secure. */
  readonly tlsVersion: string | undefined;
  /** The raw body (HTTP chunking already removed by node). Reading it sends `100 Continue`. */
  readonly body: Readable;
  /** When the request arrived, from the injected clock (epoch ms). */
  readonly receivedAt: number;
}

/** Decoded query parameters, in the order sent; names are case-sensitive. */
export class QueryParams {
  readonly #pairs: ReadonlyArray<readonly [string, string]>;
  constructor(pairs: ReadonlyArray<readonly [string, string]>) {
    this.#pairs = pairs;
  }
  /** The first value of `name` ('' for `?uploads`), or undefined when absent. */
  get(name: string): string | undefined {
    for (const [n, v] of this.#pairs) if (n === name) return v;
    return undefined;
  }
  has(name: string): boolean {
    for (const [n] of this.#pairs) if (n === name) return true;
    return false;
  }
  all(): ReadonlyArray<readonly [string, string]> {
    return this.#pairs;
  }
  get size(): number {
    return this.#pairs.length;
  }
}

/** Request headers by lower-case name; a repeated header keeps each of its values. */
export class RequestHeaders {
  readonly #map: ReadonlyMap<string, readonly string[]>;
  constructor(map: ReadonlyMap<string, readonly string[]>) {
    this.#map = map;
  }
  static fromObject(obj: Record<string, string | readonly string[] | undefined>): RequestHeaders {
    const map = new Map<string, readonly string[]>();
    for (const [k, v] of Object.entries(obj)) {
      if (v === undefined) continue;
      map.set(k.toLowerCase(), typeof v === 'string' ? [v] : v);
    }
    return new RequestHeaders(map);
  }
  /** The value, repeated values joined with `,`; undefined when absent. */
  get(name: string): string | undefined {
    const v = this.#map.get(name);
    if (v === undefined) return undefined;
    return v.length === 1 ? v[0] : v.join(',');
  }
  values(name: string): readonly string[] {
    return this.#map.get(name) ?? [];
  }
  has(name: string): boolean {
    return this.#map.has(name);
  }
  names(): IterableIterator<string> {
    return this.#map.keys();
  }
}
