/**
 * GetObject/HeadObject preconditions (../shared/spec/s3-core.md §4.4): If-Match, then
 * If-Unmodified-Since (unless If-Match held), then If-None-Match (304), then If-Modified-Since
 * (304); ETags quoted or not; second precision; a future If-Modified-Since ignored.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { S3Error } from '../errors/s3-error.ts';
import { RequestHeaders } from '../s3-request.ts';
import { checkReadConditions, etagMatches } from './check-read-conditions.ts';

const ETAG = '9b2cf535f27731c974343645a3985328';
const OTHER = '00000000000000000000000000000000';
// Last modified at 12:00:00.750, so second precision matters.
const LAST_MODIFIED = Date.UTC(2025, 0, 2, 12, 0, 0, 750);
const NOW = Date.UTC(2025, 0, 3, 0, 0, 0);
const object = { etag: ETAG, lastModified: LAST_MODIFIED };

const AT = 'Thu, 02 Jan 2025 12:00:00 GMT'; // = LastModified at second precision
const BEFORE = 'Thu, 02 Jan 2025 11:59:59 GMT';
const AFTER = 'Thu, 02 Jan 2025 12:00:01 GMT';
const FUTURE = 'Sat, 04 Jan 2025 00:00:00 GMT'; // after NOW

type Outcome = 'ok' | 304 | 'If-Match' | 'If-Unmodified-Since';

function outcome(headers: Record<string, string>): Outcome {
  try {
    checkReadConditions(RequestHeaders.fromObject(headers), object, NOW, { ETag: `"${ETAG}"` });
    return 'ok';
  } catch (e) {
    assert.ok(e instanceof S3Error);
    if (e.status === 304) {
      assert.deepEqual(
        { code: e.code, message: e.message, fields: e.fields, headers: e.headers },
        { code: 'NotModified', message: 'Not Modified', fields: [], headers: { ETag: `"${ETAG}"` } },
      );
      return 304;
    }
    assert.deepEqual(
      { status: e.status, code: e.code, message: e.message },
      { status: 412, code: 'PreconditionFailed', message: 'At least one of the pre-conditions you specified did not hold' },
    );
    assert.equal(e.fields.length, 1);
    assert.equal(e.fields[0]![0], 'Condition');
    return e.fields[0]![1] as Outcome;
  }
}

describe('checkReadConditions, one header at a time', () => {
  const rows: Array<[Record<string, string>, Outcome]> = [
    [{}, 'ok'],
    [{ 'if-match': `"${ETAG}"` }, 'ok'],
    [{ 'if-match': ETAG }, 'ok'], // unquoted
    [{ 'if-match': '*' }, 'ok'],
    [{ 'if-match': `"${OTHER}", "${ETAG}"` }, 'ok'],
    [{ 'if-match': `"${OTHER}"` }, 'If-Match'],
    [{ 'if-match': OTHER }, 'If-Match'],
    [{ 'if-unmodified-since': AT }, 'ok'], // = LastModified → 200
    [{ 'if-unmodified-since': AFTER }, 'ok'],
    [{ 'if-unmodified-since': BEFORE }, 'If-Unmodified-Since'],
    [{ 'if-none-match': `"${ETAG}"` }, 304],
    [{ 'if-none-match': ETAG }, 304], // unquoted
    [{ 'if-none-match': '*' }, 304],
    [{ 'if-none-match': `"${OTHER}"` }, 'ok'],
    [{ 'if-modified-since': AT }, 304], // = LastModified → 304
    [{ 'if-modified-since': AFTER }, 304],
    [{ 'if-modified-since': BEFORE }, 'ok'],
    [{ 'if-modified-since': FUTURE }, 'ok'], // a future date is ignored
    // Unparseable dates are ignored.
    [{ 'if-modified-since': 'yesterday' }, 'ok'],
    [{ 'if-unmodified-since': 'not a date' }, 'ok'],
  ];
  for (const [headers, expected] of rows) {
    it(`${JSON.stringify(headers)} → ${expected}`, () => {
      assert.equal(outcome(headers), expected);
    });
  }

  it('compares at second precision: the milliseconds of LastModified do not count', () => {
    // 12:00:00.750 is not after 12:00:00 for If-Unmodified-Since, and not modified for If-Modified-Since.
    assert.equal(outcome({ 'if-unmodified-since': AT }), 'ok');
    assert.equal(outcome({ 'if-modified-since': AT }), 304);
  });

  it('If-Modified-Since equal to now is not in the future', () => {
    assert.equal(outcome({ 'if-modified-since': new Date(NOW).toUTCString() }), 304);
  });
});

describe('checkReadConditions, in AWS order', () => {
  it('1. If-Match false → 412 If-Match, before everything else', () => {
    assert.equal(outcome({ 'if-match': OTHER, 'if-unmodified-since': BEFORE, 'if-none-match': ETAG, 'if-modified-since': AT }), 'If-Match');
  });

  it('2. If-Unmodified-Since false → 412, before If-None-Match and If-Modified-Since', () => {
    assert.equal(outcome({ 'if-unmodified-since': BEFORE, 'if-none-match': ETAG }), 'If-Unmodified-Since');
    assert.equal(outcome({ 'if-unmodified-since': BEFORE, 'if-modified-since': AT }), 'If-Unmodified-Since');
  });

  it('2. …but If-Match present and true overrides a false If-Unmodified-Since (200)', () => {
    assert.equal(outcome({ 'if-match': ETAG, 'if-unmodified-since': BEFORE }), 'ok');
  });

  it('3. If-None-Match matching → 304, even when If-Modified-Since says modified', () => {
    assert.equal(outcome({ 'if-none-match': ETAG, 'if-modified-since': BEFORE }), 304);
    assert.equal(outcome({ 'if-match': ETAG, 'if-none-match': ETAG }), 304);
  });

  it('4. If-Modified-Since not modified → 304 after true If-Match / If-Unmodified-Since', () => {
    assert.equal(outcome({ 'if-match': ETAG, 'if-modified-since': AT }), 304);
    assert.equal(outcome({ 'if-unmodified-since': AFTER, 'if-modified-since': AT }), 304);
  });
});

describe('etagMatches', () => {
  it('matches quoted, unquoted, weak, listed and * forms', () => {
    for (const header of [ETAG, `"${ETAG}"`, `W/"${ETAG}"`, `"${OTHER}",${ETAG}`, ` "${OTHER}" , "${ETAG}" `, '*']) {
      assert.equal(etagMatches(header, ETAG), true, header);
    }
  });

  it('rejects other ETags and partial matches', () => {
    for (const header of [OTHER, `"${OTHER}"`, `"${ETAG}`, ETAG.slice(1), `${ETAG}-1`, '']) {
      assert.equal(etagMatches(header, ETAG), false, header);
    }
  });

  it('multipart ETags compare whole', () => {
    assert.equal(etagMatches('"e747540af6911dbc890f8d3e0b48549b-1"', 'e747540af6911dbc890f8d3e0b48549b-1'), true);
    assert.equal(etagMatches('"e747540af6911dbc890f8d3e0b48549b"', 'e747540af6911dbc890f8d3e0b48549b-1'), false);
  });
});
