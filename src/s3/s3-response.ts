import type { Readable } from 'node:stream';

/**
 * What a handler returns; one renderer (http/write-response.ts) turns it into HTTP. Header
 * names are lower-case. A HEAD response never carries a body, whatever is set here.
 */
export interface S3Response {
  status: number;
  headers: Record<string, string | number>;
  body?: string | Buffer | Readable;
}

export const XML_CONTENT_TYPE = 'application/xml';

export function xmlResponse(xml: string, status = 200, headers: Record<string, string | number> = {}): S3Response {
  return { status, headers: { 'content-type': XML_CONTENT_TYPE, ...headers }, body: xml };
}

export function emptyResponse(status: number, headers: Record<string, string | number> = {}): S3Response {
  return { status, headers };
}
