import { amzDate, parseAmzDate, parseHttpDate } from '../../lib/dates.ts';
import type { RequestHeaders } from '../../s3/s3-request.ts';
import type { RequestTime } from '../sigv4/request-time.ts';

/**
 * The time a header-signed SigV2 request says it was signed (sigv2-and-post.md §1.2):
 * `x-amz-date` when present — it wins over `Date`, and an empty or bad one is not rescued by
 * `Date` (ceph/s3-tests against AWS: empty or "Bad Date" x-amz-date → AccessDenied) — else the
 * HTTP `Date` header. Dates are read by lib/dates.ts parseHttpDate (RFC 1123 with `GMT` or the
 * `+0000` of AWS's examples), and x-amz-date may also be SigV4's `YYYYMMDDTHHMMSSZ`. Undefined when there is no valid time, or
 * it is before 1970 (AWS: a 1950 date is AccessDenied, not RequestTimeTooSkewed).
 */
export function v2RequestTime(headers: RequestHeaders): RequestTime | undefined {
  const xAmzDate = headers.get('x-amz-date');
  const raw = xAmzDate ?? headers.get('date');
  if (raw === undefined) return undefined;
  const text = raw.trim();
  const ms = parseHttpDate(text) ?? (xAmzDate === undefined ? undefined : parseAmzDate(text));
  if (ms === undefined || ms < 0) return undefined;
  return { raw, ms, amzDate: amzDate(ms) };
}
