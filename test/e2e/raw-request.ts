/**
 * Raw HTTP requests to Coffer, optionally SigV4-signed by AWS's own signer (@smithy/signature-v4),
 * for tests that must see exactly what goes over the wire: status, headers, and the XML body.
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { request as httpRequest } from 'node:http';

export interface RawRequest {
  method: string;
  /** Path as it goes on the wire, already percent-encoded, e.g. `/bucket/a%20b`. */
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Sign with these credentials (SigV4 header form). Omit for an anonymous request. */
  sign?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string; region?: string; service?: string; signingDate?: Date };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export async function rawRequest(endpoint: string, r: RawRequest): Promise<RawResponse> {
  const url = new URL(endpoint);
  let headers: Record<string, string> = { host: url.host, ...(r.headers ?? {}) };
  const body = r.body ?? '';
  if (r.sign) {
    const signer = new SignatureV4({
      service: r.sign.service ?? 's3',
      region: r.sign.region ?? 'us-east-1',
      credentials: { accessKeyId: r.sign.accessKeyId, secretAccessKey: r.sign.secretAccessKey, sessionToken: r.sign.sessionToken },
      sha256: Sha256,
      // S3: the path is signed as sent (already encoded once), never normalised.
      uriEscapePath: false,
      applyChecksum: true,
    });
    const signed = await signer.sign(
      {
        method: r.method,
        protocol: url.protocol,
        hostname: url.hostname,
        port: Number(url.port),
        path: r.path,
        query: r.query ?? {},
        headers: { 'x-amz-content-sha256': headers['x-amz-content-sha256'] ?? 'UNSIGNED-PAYLOAD', ...headers },
        body,
      },
      { signingDate: r.sign.signingDate },
    );
    headers = signed.headers as Record<string, string>;
  }
  const qs = new URLSearchParams(r.query ?? {}).toString().replace(/\+/g, '%20');
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method: r.method, path: r.path + (qs ? '?' + qs : ''), headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The children of an `<Error>` document, in order, as [name, text] pairs (entities decoded). */
export function errorFields(xml: string): Array<[string, string]> {
  const inner = /<Error>([\s\S]*)<\/Error>/.exec(xml)?.[1] ?? '';
  const out: Array<[string, string]> = [];
  for (const m of inner.matchAll(/<([A-Za-z0-9-]+)>([\s\S]*?)<\/\1>/g)) out.push([m[1]!, decodeXml(m[2]!)]);
  return out;
}

export function errorField(xml: string, name: string): string | undefined {
  return errorFields(xml).find(([n]) => n === name)?.[1];
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#13;/g, '\r')
    .replace(/&amp;/g, '&');
}
