/**
 * Test support: reads the raw HTTP text of the AWS signing test suite (request.txt,
 * *-signed-request.txt). Lines end with LF; a line starting with whitespace continues the previous
 * header (obsolete line folding, kept with its newline so trimall has to collapse it); the first
 * empty line ends the headers, and whatever follows is the body.
 */
import type { HeaderList, RequestSpec } from './make-request.ts';

export interface RawRequest extends RequestSpec {
  method: string;
  target: string;
  headers: Array<[string, string]>;
  body: string;
}

export function parseRawRequest(text: string): RawRequest {
  const lines = text.split('\n');
  const requestLine = lines[0]!;
  const firstSpace = requestLine.indexOf(' ');
  const lastSpace = requestLine.lastIndexOf(' ');
  const method = requestLine.slice(0, firstSpace);
  // The target may contain spaces (`GET /example space/ HTTP/1.1`).
  const target = requestLine.slice(firstSpace + 1, lastSpace);
  const headers: Array<[string, string]> = [];
  let i = 1;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') break;
    if (line.startsWith(' ') || line.startsWith('\t')) {
      headers[headers.length - 1]![1] += '\n' + line;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`not a header line: ${JSON.stringify(line)}`);
    headers.push([line.slice(0, colon), line.slice(colon + 1)]);
  }
  return { method, target, headers, body: lines.slice(i + 1).join('\n') };
}

/** Header names, lower-cased, sorted and unique: what a signer signs by default. */
export function headerNames(headers: HeaderList): string[] {
  return [...new Set(headers.map(([n]) => n.toLowerCase()))].sort();
}
