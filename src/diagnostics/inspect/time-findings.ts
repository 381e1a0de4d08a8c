/**
 * Findings about time: X-Amz-Date's format and day, the X-Amz-Expires range, "not yet valid",
 * "expired" (presigned URLs, sigv4.md §4.3; SigV2 Expires, sigv2-and-post.md §2), and the
 * 15-minute skew of header-signed requests (§3.2). The thresholds are the verifier's.
 */
import { isoSeconds } from '../../lib/dates.ts';
import { describeDuration } from '../../lib/format-duration.ts';
import { MAX_PRESIGNED_EXPIRES_SECONDS } from '../../auth/sigv4/constants.ts';
import type { DecodedSignature } from './decode-signature.ts';
import { STEP, error, info } from './credential-findings.ts';
import type { Finding } from './inspection.ts';

/** Below this much validity left, say so. */
const SOON_MS = 5 * 60_000;

export function presignedTimeFindings(d: DecodedSignature, now: number, maxSkewMs: number): Finding[] {
  const out: Finding[] = [];
  if (d.dateText !== undefined && d.signedAt === undefined) {
    out.push(error('bad-date', STEP.date, `X-Amz-Date "${d.dateText}" is not in the ISO 8601 basic format YYYYMMDDTHHMMSSZ.`));
  }
  if (d.signedAt !== undefined && d.scope !== undefined && d.dateText!.slice(0, 8) !== d.scope.date) {
    out.push(error('credential-date-mismatch', STEP.date, `The credential is dated ${d.scope.date} but X-Amz-Date is ${d.dateText}: both must be the same day (UTC).`));
  }
  if (d.expiresText !== undefined) {
    const n = d.expiresSeconds;
    if (n === undefined) out.push(error('expires-out-of-range', STEP.expiresRange, `X-Amz-Expires "${d.expiresText}" is not a number of seconds.`));
    else if (n < 0) out.push(error('expires-out-of-range', STEP.expiresRange, `X-Amz-Expires ${n} is negative.`));
    else if (n > MAX_PRESIGNED_EXPIRES_SECONDS) {
      out.push(error('expires-out-of-range', STEP.expiresRange, `X-Amz-Expires ${n} is more than a week (${MAX_PRESIGNED_EXPIRES_SECONDS} seconds), the longest a SigV4 presigned URL can live.`));
    }
  }
  if (d.signedAt === undefined || d.expiresSeconds === undefined || d.expiresSeconds < 0 || d.expiresSeconds > MAX_PRESIGNED_EXPIRES_SECONDS) {
    return out;
  }
  const expiresAt = d.signedAt + d.expiresSeconds * 1000;
  if (d.signedAt - now > maxSkewMs) {
    out.push(error('not-yet-valid', STEP.notYetValid, `Signed for ${isoSeconds(d.signedAt)}, ${describeDuration(d.signedAt - now)} after now (${isoSeconds(now)}): more than ${describeDuration(maxSkewMs)} in the future, so AWS says "Request is not yet valid". The signer's clock runs ahead, or the server's behind.`));
  }
  if (d.expiresSeconds === 0) {
    out.push(error('expired', STEP.expired, 'X-Amz-Expires is 0: the URL was expired the moment it was signed.'));
  } else if (now >= expiresAt) {
    out.push(error('expired', STEP.expired, `Expired at ${isoSeconds(expiresAt)} (X-Amz-Date ${isoSeconds(d.signedAt)} + X-Amz-Expires ${d.expiresSeconds}s), ${describeDuration(now - expiresAt)} ago.`));
  } else if (expiresAt - now < SOON_MS) {
    out.push(info('expires-soon', STEP.expired, `Expires in ${describeDuration(expiresAt - now)} (${isoSeconds(expiresAt)}).`));
  }
  return out;
}

export function v2ExpiresFindings(d: DecodedSignature, now: number): Finding[] {
  if (d.expiresText === undefined) return [];
  if (d.expiresAt === undefined) return [error('expires-out-of-range', STEP.expiresRange, `Expires "${d.expiresText}" is not a time in seconds since 1970.`)];
  if (now >= d.expiresAt) {
    return [error('expired', STEP.expired, `Expired at ${isoSeconds(d.expiresAt)} (Expires=${d.expiresText}), ${describeDuration(now - d.expiresAt)} ago.`)];
  }
  if (d.expiresAt - now < SOON_MS) return [info('expires-soon', STEP.expired, `Expires in ${describeDuration(d.expiresAt - now)} (${isoSeconds(d.expiresAt)}).`)];
  return [];
}

/** Header-signed requests: a valid date, within ±maxSkewMs of the server clock. */
export function headerTimeFindings(d: DecodedSignature, now: number, maxSkewMs: number): Finding[] {
  if (d.signedAt === undefined) {
    const sent = d.dateText === undefined ? 'neither x-amz-date nor Date is given' : `"${d.dateText}" is not a valid date`;
    return [error('missing-date', STEP.date, `The signing time is unknown: ${sent}. AWS needs one ("AWS authentication requires a valid Date or x-amz-date header").`)];
  }
  const out: Finding[] = [];
  const skew = now - d.signedAt;
  if (Math.abs(skew) > maxSkewMs) {
    const direction = skew > 0 ? 'before' : 'after';
    out.push(error('clock-skew', STEP.date, `Signed at ${isoSeconds(d.signedAt)}, ${describeDuration(skew)} ${direction} now (${isoSeconds(now)}): more than the ${describeDuration(maxSkewMs)} AWS allows (RequestTimeTooSkewed). A header-signed request must be sent right after signing, from a machine whose clock is right.`));
  }
  if (d.scheme === 'sigv4-header' && d.scope !== undefined && d.dateText !== undefined) {
    const day = new Date(d.signedAt).toISOString().slice(0, 10).replace(/-/g, '');
    if (day !== d.scope.date) {
      out.push(error('credential-date-mismatch', STEP.date + 0.5, `The credential is dated ${d.scope.date} but the request was signed on ${day}: both must be the same day (UTC).`));
    }
  }
  return out;
}
