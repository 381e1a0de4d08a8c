import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAmzDate } from '../../lib/dates.ts';
import { parseAmzTimestamp } from './parse-amz-timestamp.ts';

const CORPUS = [
  '20130524T000000Z',
  '20150830T123600Z',
  '19700101T000000Z',
  '20240229T235959Z',
  '20230229T000000Z',
  '21000229T000000Z',
  '20000229T000000Z',
  '20130431T000000Z',
  '20131231T235959Z',
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
  '20130524T00000OZ',
  '00000101T000000Z',
  '',
  '20130524T000000z',
  '+0130524T000000Z',
  '２０130524T000000Z',
];

test('agrees with lib/dates.ts parseAmzDate everywhere', () => {
  for (const text of CORPUS) assert.equal(parseAmzTimestamp(text), parseAmzDate(text), JSON.stringify(text));
  for (let day = 0; day < 3 * 366; day++) {
    const iso = new Date(Date.UTC(2023, 0, 1) + day * 86_400_000 + 45_296_000).toISOString();
    const text = iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10) + 'T' + iso.slice(11, 13) + iso.slice(14, 16) + iso.slice(17, 19) + 'Z';
    assert.equal(parseAmzTimestamp(text), parseAmzDate(text), text);
  }
});
