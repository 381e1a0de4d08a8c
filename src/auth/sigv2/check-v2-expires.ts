import { requestExpired } from './sigv2-errors.ts';

/**
 * A presigned V2 URL works until its `Expires` instant (sigv2-and-post.md §2); from then on 403
 * AccessDenied "Request has expired" with `<Expires>` and `<ServerTime>` (errors.md §3). Checked
 * before the access-key lookup and the signature, as AWS does for presigned URLs (errors.md §9.1
 * step 9): an expired URL with a bad signature or an unknown key still says it has expired.
 * There is no "not yet valid" and no 15-minute skew rule for the query form.
 */
export function checkV2Expires(expiresAt: number, now: number): void {
  if (now >= expiresAt) throw requestExpired(expiresAt, now);
}
