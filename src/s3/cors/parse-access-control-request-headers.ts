/**
 * The header names a preflight asks for (`Access-Control-Request-Headers: content-type,x-amz-date`):
 * comma-separated, optional whitespace, lower-cased (header names are case-insensitive, and S3
 * answers Access-Control-Allow-Headers in lower case, ../shared/spec/s3-core.md §10.3).
 */
export function parseAccessControlRequestHeaders(value: string | undefined): string[] {
  if (value === undefined) return [];
  const names: string[] = [];
  for (const part of value.split(',')) {
    const name = part.trim().toLowerCase();
    if (name !== '') names.push(name);
  }
  return names;
}
