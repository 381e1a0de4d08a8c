import type { RequestHeaders } from '../../s3/s3-request.ts';

export interface CanonicalAmzHeadersOptions {
  /**
   * Query form: `x-amz-*` query parameters count as headers (`x-amz-security-token`, and what
   * botocore moves from the headers into a presigned V2 URL), as byte strings, after the headers.
   */
  fromQuery?: ReadonlyArray<readonly [name: string, value: string]>;
  /** Leave this header out (the Date-line variant of x-amz-date, see header-strings-to-sign.ts). */
  omit?: string;
}

/**
 * SigV2's CanonicalizedAmzHeaders (sigv2-and-post.md §1.3): every `x-amz-*` header, name
 * lower-cased, sorted by name, repeated headers merged into `name:v1,v2`, folded values unfolded
 * to one space, each value trimmed; one `name:value\n` line per header ('' when there is none).
 * Header values are node's byte strings (one character per byte).
 */
export function canonicalAmzHeaders(headers: RequestHeaders, options: CanonicalAmzHeadersOptions = {}): string {
  const merged = new Map<string, string[]>();
  const add = (name: string, value: string) => {
    if (name === options.omit) return;
    const values = merged.get(name);
    if (values === undefined) merged.set(name, [normalise(value)]);
    else values.push(normalise(value));
  };
  // RequestHeaders keys are already lower-case.
  for (const name of headers.names()) {
    if (name.startsWith('x-amz-')) for (const value of headers.values(name)) add(name, value);
  }
  for (const [rawName, value] of options.fromQuery ?? []) {
    const name = rawName.toLowerCase();
    if (name.startsWith('x-amz-')) add(name, value);
  }
  if (merged.size === 0) return '';
  const names = [...merged.keys()].sort();
  let out = '';
  for (const name of names) out += `${name}:${merged.get(name)!.join(',')}\n`;
  return out;
}

/** Unfolds obsolete line folding (CRLF + whitespace → one space) and trims. */
function normalise(value: string): string {
  return (value.includes('\n') ? value.replace(/[ \t]*\r?\n[ \t]*/g, ' ') : value).trim();
}
