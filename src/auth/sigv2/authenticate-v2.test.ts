/** The SigV2 entry point: accepted by default, refused as a V4-only region refuses it with `sigv2: false`. */
import { test } from 'node:test';
import { httpDate } from '../../lib/dates.ts';
import { AKID, SECRET, T0, hmacSha1Base64, rejectsWith, runV2, signedOk } from './testing/v2-fixture.ts';

const DATE = httpDate(T0);
const header = { target: '/b/k', headers: { Host: 'h', Date: DATE, Authorization: `AWS ${AKID}:${hmacSha1Base64(SECRET, `GET\n\n\n${DATE}\n/b/k`)}` } };
const EXPIRES = T0 / 1000 + 60;
const query = {
  target: `/b/k?AWSAccessKeyId=${AKID}&Expires=${EXPIRES}&Signature=${encodeURIComponent(hmacSha1Base64(SECRET, `GET\n\n\n${EXPIRES}\n/b/k`))}`,
  headers: { Host: 'h' },
};

test('accepted when sigv2 is undefined or true', async () => {
  for (const sigv2 of [undefined, true]) {
    await signedOk(runV2(header, { now: T0, deps: { sigv2 } }));
    await signedOk(runV2(query, { now: T0, deps: { sigv2 } }));
  }
});

test('sigv2: false → 400 InvalidRequest "…Please use AWS4-HMAC-SHA256." for both forms, before any other check', async () => {
  const refused = {
    status: 400,
    code: 'InvalidRequest',
    message: 'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
  };
  const deps = { sigv2: false };
  await rejectsWith(runV2(header, { now: T0, deps }), refused);
  await rejectsWith(runV2(query, { now: T0, deps }), refused);
  // Even a malformed header, a missing date, a partial or expired query.
  await rejectsWith(runV2({ target: '/', headers: { Host: 'h', Authorization: 'AWS nocolon' } }, { now: T0, deps }), refused);
  await rejectsWith(runV2({ target: '/', headers: { Host: 'h', Authorization: `AWS ${AKID}:x` } }, { now: T0, deps }), refused);
  await rejectsWith(runV2({ target: '/?Expires=1', headers: { Host: 'h' } }, { now: T0, deps }), refused);
  await rejectsWith(runV2(query, { now: T0 + 3600_000, deps }), refused);
});
