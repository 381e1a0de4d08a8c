/** The parts of a canonical request, each already in canonical form. */
export interface CanonicalRequestParts {
  method: string;
  canonicalUri: string;
  canonicalQuery: string;
  /** `name:value\n` lines (see canonicalHeaders). */
  canonicalHeaders: string;
  /** `host;x-amz-date`, exactly as the client listed them. */
  signedHeaders: string;
  payloadHash: string;
}

/**
 * CanonicalRequest (sigv4.md §1): six lines; the header block ends with its own `\n`, so an empty
 * line always separates it from the signed-header list.
 */
export function canonicalRequest(p: CanonicalRequestParts): string {
  return (
    p.method + '\n' + p.canonicalUri + '\n' + p.canonicalQuery + '\n' + p.canonicalHeaders + '\n' + p.signedHeaders + '\n' + p.payloadHash
  );
}
