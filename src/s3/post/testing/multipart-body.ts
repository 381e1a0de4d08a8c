/**
 * Building multipart/form-data bodies and POST requests for tests, byte for byte, so that
 * tests control order, case, file names and the exact framing.
 */
import { Readable } from 'node:stream';
import { QueryParams, RequestHeaders, type S3Request } from '../../s3-request.ts';

export type FormPart =
  | [name: string, value: string]
  | { name: string; filename?: string; contentType?: string; data: string | Buffer; headers?: string[] };

export const BOUNDARY = '----CofferTestBoundary7MA4YWxkTrZu0gW';

export function multipartBody(parts: readonly FormPart[], options: { boundary?: string; close?: boolean } = {}): Buffer {
  const boundary = options.boundary ?? BOUNDARY;
  const pieces: Buffer[] = [];
  for (const part of parts) {
    if (Array.isArray(part)) {
      const [name, value] = part;
      pieces.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
      continue;
    }
    const { name, filename, contentType, data, headers } = part as Exclude<FormPart, [string, string]>;
    let head = `--${boundary}\r\n`;
    if (headers) head += headers.map((h) => h + '\r\n').join('');
    else {
      head += `Content-Disposition: form-data; name="${name}"${filename === undefined ? '' : `; filename="${filename}"`}\r\n`;
      if (contentType !== undefined) head += `Content-Type: ${contentType}\r\n`;
    }
    pieces.push(Buffer.from(head + '\r\n'), typeof data === 'string' ? Buffer.from(data) : data, Buffer.from('\r\n'));
  }
  if (options.close !== false) pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(pieces);
}

/** `body` delivered in pieces of `size` bytes (1 = byte by byte), as a socket might. */
export function chunked(body: Buffer, size: number): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < body.length; i += size) chunks.push(body.subarray(i, i + size));
  return Readable.from(chunks, { objectMode: false });
}

export function postRequest(body: Buffer | Readable, options: { bucket?: string; contentType?: string } = {}): S3Request {
  const bucket = options.bucket ?? 'bucket';
  return {
    id: 'REQ',
    hostId: 'HOST',
    method: 'POST',
    rawPath: `/${bucket}`,
    rawQuery: '',
    query: new QueryParams([]),
    headers: RequestHeaders.fromObject({
      host: '127.0.0.1:9000',
      'content-type': options.contentType ?? `multipart/form-data; boundary=${BOUNDARY}`,
    }),
    hostname: '127.0.0.1',
    bucket,
    key: undefined,
    addressing: 'path',
    remoteAddress: '127.0.0.1',
    secure: false,
    tlsVersion: undefined,
    body: Buffer.isBuffer(body) ? chunked(body, 1 << 16) : body,
    receivedAt: 0,
  };
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
