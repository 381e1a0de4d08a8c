/** The date formats S3 speaks. All take and return epoch milliseconds or strings, UTC. */

/** `2023-11-15T12:02:40.000Z` — XML timestamps, milliseconds always `.000`. */
export function isoMillisZero(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString();
}

/** `2023-11-15T12:02:40Z` — the Expires/ServerTime elements of auth errors. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

/** `Wed, 21 Oct 2015 07:28:00 GMT` — IMF-fixdate for HTTP headers. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** `20130524T000000Z` — SigV4's ISO 8601 basic format. */
export function amzDate(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 13) + iso.slice(14, 16) + iso.slice(17, 19) + 'Z';
}

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Parses `YYYYMMDDTHHMMSSZ`; undefined when malformed or not a real calendar instant. */
export function parseAmzDate(text: string): number | undefined {
  const m = AMZ_DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  return ms;
}

/**
 * Parses an HTTP date (RFC 1123 / RFC 850 / asctime, and the `+0000` offset form that SigV2
 * examples use). Undefined when it is not a date.
 */
export function parseHttpDate(text: string): number | undefined {
  if (!/^[A-Za-z]{3},? /.test(text.trim()) && !/^\d/.test(text.trim())) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Parses an ISO 8601 timestamp such as policy `expiration` values; undefined if malformed. */
export function parseIso8601(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}
