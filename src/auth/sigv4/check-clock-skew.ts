import { requestTimeTooSkewed } from './sigv4-errors.ts';
import type { RequestTime } from './request-time.ts';

/**
 * Header-signed requests must be dated within ±maxSkewMs of the server clock (AWS: 15 minutes,
 * either direction), else 403 RequestTimeTooSkewed (sigv4.md §3.2). Checked before the signature,
 * so a tampered x-amz-date is reported as skew. Presigned URLs are not subject to this.
 */
export function checkClockSkew(time: RequestTime, now: number, maxSkewMs: number): void {
  if (Math.abs(now - time.ms) > maxSkewMs) throw requestTimeTooSkewed(time.raw, now, maxSkewMs);
}
