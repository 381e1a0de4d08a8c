/**
 * GetObject/HeadObject preconditions, in AWS's order (../shared/spec/s3-core.md §4.4):
 * If-Match, If-Unmodified-Since (unless If-Match held), If-None-Match (304), If-Modified-Since
 * (304). ETags compare with or without quotes; dates at second precision; a date in the future
 * is ignored for If-Modified-Since.
 */
import { S3Error, preconditionFailed } from '../errors/s3-error.ts';
import type { RequestHeaders } from '../s3-request.ts';
import { parseHttpDate } from '../../lib/dates.ts';

export function etagMatches(header: string, etag: string): boolean {
  return header.split(',').some((raw) => {
    const t = raw.trim();
    return t === '*' || unquote(t) === etag;
  });
}

function unquote(text: string): string {
  const t = text.startsWith('W/') ? text.slice(2) : text;
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
}

export function checkReadConditions(
  headers: RequestHeaders,
  object: { etag: string; lastModified: number },
  now: number,
  notModifiedHeaders: Record<string, string>,
): void {
  const lastModified = Math.floor(object.lastModified / 1000) * 1000;
  const ifMatch = headers.get('if-match');
  const ifNoneMatch = headers.get('if-none-match');
  const ifModifiedSince = dateOf(headers.get('if-modified-since'));
  const ifUnmodifiedSince = dateOf(headers.get('if-unmodified-since'));

  if (ifMatch !== undefined && !etagMatches(ifMatch, object.etag)) throw preconditionFailed('If-Match');
  if (ifMatch === undefined && ifUnmodifiedSince !== undefined && lastModified > ifUnmodifiedSince) {
    throw preconditionFailed('If-Unmodified-Since');
  }
  if (ifNoneMatch !== undefined && etagMatches(ifNoneMatch, object.etag)) throw notModified(notModifiedHeaders);
  if (
    ifModifiedSince !== undefined &&
    ifModifiedSince <= now &&
    lastModified <= ifModifiedSince &&
    // RFC 9110 §13.2.2: If-Modified-Since is ignored when If-None-Match is present.
    ifNoneMatch === undefined
  ) {
    throw notModified(notModifiedHeaders);
  }
}

function notModified(headers: Record<string, string>): S3Error {
  return new S3Error('NotModified', { headers });
}

function dateOf(text: string | undefined): number | undefined {
  return text === undefined ? undefined : parseHttpDate(text);
}
