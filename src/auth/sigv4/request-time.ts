import { amzDate, parseHttpDate } from '../../lib/dates.ts';
import { parseAmzDate } from '../../lib/dates.ts';
import type { RequestHeaders } from '../../s3/s3-request.ts';

export interface RequestTime {
  /** The header value as sent: RequestTimeTooSkewed echoes it (errors.md §4). */
  raw: string;
  ms: number;
  /** `YYYYMMDDTHHMMSSZ`: the RequestDateTime line of the string to sign. */
  amzDate: string;
}

/**
 * The time a header-signed request says it was signed (sigv4.md §3.2): `x-amz-date` when present
 * (it wins over `Date`, and a bad one is not rescued by `Date`), else the HTTP `Date` header,
 * whose instant is then signed in ISO 8601 basic form (MinIO behaviour). Undefined when neither
 * gives a valid time: AWS answers AccessDenied "…requires a valid Date or x-amz-date header".
 */
export function requestTime(headers: RequestHeaders): RequestTime | undefined {
  const xAmzDate = headers.get('x-amz-date');
  if (xAmzDate !== undefined) {
    const ms = parseAmzDate(xAmzDate);
    return ms === undefined ? undefined : { raw: xAmzDate, ms, amzDate: xAmzDate };
  }
  const date = headers.get('date');
  if (date === undefined) return undefined;
  const ms = parseHttpDate(date);
  return ms === undefined ? undefined : { raw: date, ms, amzDate: amzDate(ms) };
}
