import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RequestHeaders } from '../../s3/s3-request.ts';
import { requestTime } from './request-time.ts';

const h = (o: Record<string, string>) => RequestHeaders.fromObject(o);
const T0 = Date.UTC(2013, 4, 24);

test('x-amz-date wins over Date (sigv4.md §3.2)', () => {
  assert.deepEqual(requestTime(h({ 'x-amz-date': '20130524T000000Z', date: 'Sat, 25 May 2013 00:00:00 GMT' })), {
    raw: '20130524T000000Z',
    ms: T0,
    amzDate: '20130524T000000Z',
  });
});

test('Date alone: its instant is signed in ISO 8601 basic form, the raw value kept for errors', () => {
  assert.deepEqual(requestTime(h({ date: 'Fri, 24 May 2013 00:00:00 GMT' })), {
    raw: 'Fri, 24 May 2013 00:00:00 GMT',
    ms: T0,
    amzDate: '20130524T000000Z',
  });
});

test('missing, empty or unparsable → undefined; a bad x-amz-date is not rescued by Date', () => {
  assert.equal(requestTime(h({})), undefined);
  assert.equal(requestTime(h({ 'x-amz-date': '' })), undefined);
  assert.equal(requestTime(h({ 'x-amz-date': '2013-05-24T00:00:00Z' })), undefined);
  assert.equal(requestTime(h({ 'x-amz-date': '20130532T000000Z' })), undefined);
  assert.equal(requestTime(h({ date: 'yesterday' })), undefined);
  assert.equal(requestTime(h({ 'x-amz-date': 'nope', date: 'Fri, 24 May 2013 00:00:00 GMT' })), undefined);
});
