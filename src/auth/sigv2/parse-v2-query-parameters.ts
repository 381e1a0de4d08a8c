import type { QueryParams } from '../../s3/s3-request.ts';
import { SECURITY_TOKEN, V2_QUERY_PARAMS } from './constants.ts';
import { invalidExpires, missingQueryParameters } from './sigv2-errors.ts';

export interface V2QueryParameters {
  accessKeyId: string;
  /** Decoded (`%2B` → `+`), base64 as signed. */
  signature: string;
  /** `Expires` as sent: the Date line of the string to sign (sigv2-and-post.md §2). */
  expires: string;
  /** `Expires` as an instant, epoch ms. */
  expiresAt: number;
  /** `x-amz-security-token` from the query (temporary credentials), if sent there. */
  sessionToken: string | undefined;
}

/**
 * The parameters of a presigned V2 URL (sigv2-and-post.md §2): `AWSAccessKeyId`, `Expires`
 * (absolute Unix epoch seconds) and `Signature`, exact case. Some but not all of them → 403
 * AccessDenied "Query-string authentication requires the Signature, Expires and AWSAccessKeyId
 * parameters" (errors.md §3). There is no upper bound on Expires (AWS documents none).
 */
export function parseV2QueryParameters(query: QueryParams): V2QueryParameters {
  const accessKeyId = query.get(V2_QUERY_PARAMS.accessKeyId);
  const signature = query.get(V2_QUERY_PARAMS.signature);
  const expires = query.get(V2_QUERY_PARAMS.expires);
  if (accessKeyId === undefined || signature === undefined || expires === undefined) throw missingQueryParameters();
  if (!/^\d+$/.test(expires)) throw invalidExpires(expires);
  return { accessKeyId, signature, expires, expiresAt: Number(expires) * 1000, sessionToken: sessionToken(query) };
}

/** botocore sends `x-amz-security-token`; SigV4 habits give `X-Amz-Security-Token`: either is the token. */
function sessionToken(query: QueryParams): string | undefined {
  for (const [name, value] of query.all()) if (name.toLowerCase() === SECURITY_TOKEN) return value;
  return undefined;
}
