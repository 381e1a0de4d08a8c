import assert from 'node:assert/strict';
import { test } from 'node:test';
import { amzDate, httpDate, isoMillisZero, isoSeconds, parseAmzDate, parseHttpDate, parseIso8601 } from './dates.ts';

test('parseAmzDate accepts real instants in YYYYMMDDTHHMMSSZ', () => {
  assert.equal(parseAmzDate('20130524T000000Z'), Date.UTC(2013, 4, 24));
  assert.equal(parseAmzDate('19700101T000000Z'), 0);
  assert.equal(parseAmzDate('20240229T235959Z'), Date.UTC(2024, 1, 29, 23, 59, 59));
  assert.equal(parseAmzDate('20000229T000000Z'), Date.UTC(2000, 1, 29));
});

test('parseAmzDate refuses anything else', () => {
  for (const text of [
    '20230229T000000Z', // not a leap year
    '21000229T000000Z', // century, not a leap year
    '20130431T000000Z',
    '20130524T240000Z',
    '20130524T236000Z',
    '20130524T235960Z',
    '20131324T000000Z',
    '20130024T000000Z',
    '20130500T000000Z',
    '20130524T000000',
    '20130524 000000Z',
    '2013-05-24T00:00:00Z',
    '2013O524T000000Z',
    '',
    '20130524T000000z',
    '+0130524T000000Z',
    '２０130524T000000Z',
  ]) {
    assert.equal(parseAmzDate(text), undefined, JSON.stringify(text));
  }
});

test('parseAmzDate inverts amzDate for every day of three years', () => {
  for (let day = 0; day < 3 * 366; day++) {
    const ms = Date.UTC(2023, 0, 1) + day * 86_400_000 + 45_296_000;
    assert.equal(parseAmzDate(amzDate(ms)), ms);
  }
});

test('the formats S3 writes', () => {
  const ms = Date.UTC(2023, 10, 15, 12, 2, 40, 789);
  assert.equal(isoMillisZero(ms), '2023-11-15T12:02:40.000Z');
  assert.equal(isoSeconds(ms), '2023-11-15T12:02:40Z');
  assert.equal(httpDate(ms), 'Wed, 15 Nov 2023 12:02:40 GMT');
  assert.equal(amzDate(ms), '20231115T120240Z');
});

test('parseHttpDate and parseIso8601', () => {
  assert.equal(parseHttpDate('Fri, 24 May 2013 00:00:00 GMT'), Date.UTC(2013, 4, 24));
  assert.equal(parseHttpDate('Tue, 27 Mar 2007 19:36:42 +0000'), Date.UTC(2007, 2, 27, 19, 36, 42));
  assert.equal(parseHttpDate('Bad Date'), undefined);
  assert.equal(parseIso8601('2015-12-30T12:00:00.000Z'), Date.UTC(2015, 11, 30, 12));
  assert.equal(parseIso8601('2016-04-28T23:31:36.798044'), undefined);
});
