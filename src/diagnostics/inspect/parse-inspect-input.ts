/**
 * What a user hands `coffer inspect`, as an InspectRequest. Each argument is one of:
 *
 * - a URL (`https://bucket.s3.amazonaws.com/key?X-Amz-…`);
 * - a header line (`Authorization: AWS4-HMAC-SHA256 Credential=…`, `x-amz-date: …`);
 * - a pasted request: several lines, the first may be a request line (`GET /key HTTP/1.1`), then
 *   headers up to an empty line (the body is ignored). `> ` prefixes of `curl -v` output are
 *   stripped, so its request block can be pasted as is.
 *
 * Without a URL, a request line's target and the Host header make one (https for AWS hosts).
 */
import { parseAwsS3Host } from '../signing/aws-s3-host.ts';
import type { InspectRequest } from './inspection.ts';
import { InspectInputError } from './inspect-request.ts';
import { hostnameOf } from './split-url.ts';

const URL_START = /^https?:\/\//i;
const HEADER_LINE = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+):\s?(.*)$/s;
const REQUEST_LINE = /^([A-Z]+)\s+(\S+)(?:\s+HTTP\/[\d.]+)?$/;

export function parseInspectInput(args: readonly string[], options: { method?: string; headers?: readonly string[] } = {}): InspectRequest {
  let url: string | undefined;
  let requestLine: { method: string; target: string } | undefined;
  const headers: Array<[string, string]> = [];
  const addHeader = (line: string) => {
    const m = HEADER_LINE.exec(line.trim());
    if (m === null) throw new InspectInputError(`"${line}" is not a header line (Name: value)`);
    headers.push([m[1]!, m[2]!.trim()]);
  };

  for (const arg of args) {
    const text = arg.trim();
    if (text.includes('\n')) {
      const lines = text.split(/\r?\n/).map((l) => l.replace(/^[>]\s?/, '').replace(/\s+$/, ''));
      for (const [i, line] of lines.entries()) {
        if (line === '') {
          if (i > 0) break;
          continue;
        }
        const request = REQUEST_LINE.exec(line);
        if (i === 0 && request !== null) requestLine = { method: request[1]!, target: request[2]! };
        else if (URL_START.test(line)) url = line;
        else addHeader(line);
      }
    } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) && !URL_START.test(text)) {
      throw new InspectInputError(`"${arg}" is not an http(s) URL${text.startsWith('s3://') ? ' (an s3:// URI names an object; `coffer presign` makes a URL for it)' : ''}`);
    } else if (URL_START.test(text)) {
      if (url !== undefined) throw new InspectInputError('more than one URL given');
      url = text;
    } else if (HEADER_LINE.test(text)) {
      addHeader(text);
    } else {
      throw new InspectInputError(`"${arg}" is neither a URL (http://…, https://…) nor a header line ("Authorization: …")`);
    }
  }
  for (const line of options.headers ?? []) addHeader(line);

  if (url === undefined && requestLine !== undefined) {
    if (URL_START.test(requestLine.target)) url = requestLine.target;
    else {
      const host = headers.find(([n]) => n.toLowerCase() === 'host')?.[1];
      if (host !== undefined) url = `${parseAwsS3Host(hostnameOf(host)) !== undefined ? 'https' : 'http'}://${host}${requestLine.target}`;
    }
  }
  if (url === undefined && headers.length === 0) throw new InspectInputError('nothing to inspect: give a presigned URL, or an "Authorization: …" header (with the URL and other headers)');
  return { method: (options.method ?? requestLine?.method ?? 'GET').toUpperCase(), url, headers };
}
