import { S3Error } from '../../s3/errors/s3-error.ts';
import { isoSeconds } from '../../lib/dates.ts';

/**
 * A presigned URL is valid from X-Amz-Date (less the allowed skew, for clients whose clock runs
 * ahead) until X-Amz-Date + X-Amz-Expires (sigv4.md §4.3, errors.md §2.1–2.2). Both checks
 * precede the access-key lookup and the signature: an expired URL with a bad signature or an
 * unknown key still says "Request has expired" (errors.md §9.1 steps 8–9). The 15-minute skew
 * rule of header-signed requests does not apply: an old X-Amz-Date is fine until expiry.
 */
export function checkPresignedWindow(
  window: { signedAt: number; expiresSeconds: number },
  now: number,
  maxSkewMs: number,
): void {
  const expiresAt = window.signedAt + window.expiresSeconds * 1000;
  if (window.signedAt - now > maxSkewMs) {
    throw new S3Error('AccessDenied', {
      message: 'Request is not yet valid',
      // X-Amz-Date in epoch milliseconds here, unlike everywhere else (AWS observed).
      fields: [
        ['X-Amz-Date', String(window.signedAt)],
        ['Expires', isoSeconds(expiresAt)],
        ['ServerTime', isoSeconds(now)],
      ],
    });
  }
  // X-Amz-Expires=0 is accepted syntactically but always expired (errors.md §2.1).
  if (now >= expiresAt || window.expiresSeconds === 0) {
    throw new S3Error('AccessDenied', {
      message: 'Request has expired',
      fields: [
        ['X-Amz-Expires', String(window.expiresSeconds)],
        ['Expires', isoSeconds(expiresAt)],
        ['ServerTime', isoSeconds(now)],
      ],
    });
  }
}
