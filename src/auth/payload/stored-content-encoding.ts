/**
 * The Content-Encoding S3 stores for an upload (sigv4.md §5.1, s3-core.md §3.1): verbatim,
 * except that `aws-chunked` tokens are dropped, and nothing is stored when that was the only
 * token. `aws-chunked,gzip` → `gzip`; `gzip, aws-chunked` → `gzip`; `aws-chunked` → undefined.
 */
export function storedContentEncoding(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const tokens = header.split(',').map((token) => token.trim());
  if (!tokens.some((token) => token.toLowerCase() === 'aws-chunked')) return header;
  const kept = tokens.filter((token) => token !== '' && token.toLowerCase() !== 'aws-chunked');
  return kept.length === 0 ? undefined : kept.join(',');
}
