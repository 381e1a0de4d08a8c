import type { RequestHeaders } from '../../s3/s3-request.ts';
import { trimAll } from './trim-all.ts';

export interface CanonicalHeaders {
  /** `name:value\n` for each signed header, in the order of the signed list. */
  text: string;
  /**
   * A signed header is absent from the request. AWS fails the signature then (sigv4.md §2.4);
   * `text` renders it as `name:` so the diagnostics still show a canonical request.
   */
  missing: boolean;
}

/**
 * CanonicalHeaders for the names the client signed, taken from its `SignedHeaders` list as sent
 * (SDKs send it sorted and lower-case; the server signs what the client says it signed). A header
 * sent several times contributes its trimmed values joined by `,` in received order.
 */
export function canonicalHeaders(headers: RequestHeaders, signedHeaders: string): CanonicalHeaders {
  let text = '';
  let missing = false;
  let start = 0;
  while (start < signedHeaders.length) {
    let end = signedHeaders.indexOf(';', start);
    if (end === -1) end = signedHeaders.length;
    const name = signedHeaders.slice(start, end);
    start = end + 1;
    const values = headers.values(name);
    if (values.length === 0) missing = true;
    text += name + ':' + (values.length === 1 ? trimAll(values[0]!) : joinTrimmed(values)) + '\n';
  }
  return { text, missing };
}

function joinTrimmed(values: readonly string[]): string {
  let out = '';
  for (let i = 0; i < values.length; i++) out += (i === 0 ? '' : ',') + trimAll(values[i]!);
  return out;
}
