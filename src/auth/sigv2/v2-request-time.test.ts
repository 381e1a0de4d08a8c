import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RequestHeaders } from '../../s3/s3-request.ts';
import { v2RequestTime } from './v2-request-time.ts';

const time = (headers: Record<string, string>) => v2RequestTime(RequestHeaders.fromObject(headers));
const AT = Date.UTC(2007, 2, 27, 19, 36, 42);

test('Date in the forms clients send: +0000 (AWS examples, s3cmd), GMT (RFC 1123, botocore)', () => {
  for (const raw of ['Tue, 27 Mar 2007 19:36:42 +0000', 'Tue, 27 Mar 2007 19:36:42 GMT']) {
    assert.deepEqual(time({ date: raw }), { raw, ms: AT, amzDate: '20070327T193642Z' }, raw);
  }
});

test('x-amz-date wins over Date, and may also be SigV4’s basic ISO form', () => {
  assert.equal(time({ date: 'Wed, 28 Mar 2007 00:00:00 GMT', 'x-amz-date': 'Tue, 27 Mar 2007 19:36:42 +0000' })?.ms, AT);
  assert.equal(time({ 'x-amz-date': '20070327T193642Z' })?.ms, AT);
});

test('the raw value is kept for RequestTimeTooSkewed', () => {
  assert.equal(time({ 'x-amz-date': 'Tue, 27 Mar 2007 19:36:42 +0000' })?.raw, 'Tue, 27 Mar 2007 19:36:42 +0000');
});

test('no valid time: missing, empty or bad x-amz-date (not rescued by Date), bad Date, before 1970 (ceph/s3-tests on AWS)', () => {
  assert.equal(time({}), undefined);
  assert.equal(time({ 'x-amz-date': '', date: 'Tue, 27 Mar 2007 19:36:42 GMT' }), undefined);
  assert.equal(time({ 'x-amz-date': 'Bad Date', date: 'Tue, 27 Mar 2007 19:36:42 GMT' }), undefined);
  assert.equal(time({ date: 'Bad Date' }), undefined);
  assert.equal(time({ date: '' }), undefined);
  assert.equal(time({ date: 'Tue, 07 Jul 1950 21:53:04 GMT' }), undefined);
});

test('far past and far future are valid times (the skew check refuses them)', () => {
  assert.equal(time({ date: 'Tue, 07 Jul 2010 21:53:04 GMT' })?.ms, Date.UTC(2010, 6, 7, 21, 53, 4));
  assert.equal(time({ date: 'Tue, 07 Jul 9999 21:53:04 GMT' })?.ms, Date.UTC(9999, 6, 7, 21, 53, 4));
});
