import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QueryParams } from '../../s3/s3-request.ts';
import { S3Error } from '../../s3/errors/s3-error.ts';
import { parsePresignedParameters } from './parse-presigned-parameters.ts';
import { s3Rules } from './service-rules.ts';

const GOOD: Record<string, string> = {
  'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
  'X-Amz-Credential': 'AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request',
  'X-Amz-Date': '20130524T000000Z',
  'X-Amz-Expires': '86400',
  'X-Amz-SignedHeaders': 'host',
  'X-Amz-Signature': 'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
};
const parse = (changes: Record<string, string | undefined>) => {
  const merged = { ...GOOD, ...changes };
  const pairs = Object.entries(merged).filter((p): p is [string, string] => p[1] !== undefined);
  return parsePresignedParameters(new QueryParams(pairs), { accepted: [s3Rules('us-east-1')] });
};
function fails(changes: Record<string, string | undefined>, message: string) {
  assert.throws(
    () => parse(changes),
    (e: unknown) => e instanceof S3Error && e.status === 400 && e.code === 'AuthorizationQueryParametersError' && e.message === message,
    JSON.stringify(changes),
  );
}

test('reads all parameters', () => {
  const p = parse({ 'X-Amz-Security-Token': 'tok' });
  assert.equal(p.credential.accessKeyId, 'AKIAIOSFODNN7EXAMPLE');
  assert.equal(p.signedAt, Date.UTC(2013, 4, 24));
  assert.equal(p.expiresSeconds, 86400);
  assert.equal(p.signedHeaders, 'host');
  assert.equal(p.sessionToken, 'tok');
  assert.equal(parse({ 'X-Amz-Expires': '604800' }).expiresSeconds, 604800);
  assert.equal(parse({ 'X-Amz-Expires': '0' }).expiresSeconds, 0);
});

test('each missing parameter: the "requires the … parameters" error (errors.md §2.3)', () => {
  const message =
    'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.';
  for (const name of Object.keys(GOOD)) fails({ [name]: undefined }, message);
});

test('algorithm, date, credential date, expires — in AWS wording and order', () => {
  fails({ 'X-Amz-Algorithm': 'AWS4-HMAC-SHA512' }, 'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"');
  fails({ 'X-Amz-Date': '2013-05-24T00:00:00Z' }, `X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'"`);
  fails({ 'X-Amz-Date': '20130525T000000Z' }, 'Invalid credential date "20130524". This date is not the same as X-Amz-Date: "20130525".');
  fails({ 'X-Amz-Expires': 'abc' }, 'X-Amz-Expires should be a number');
  fails({ 'X-Amz-Expires': '' }, 'X-Amz-Expires should be a number');
  fails({ 'X-Amz-Expires': '-7' }, 'X-Amz-Expires must be non-negative');
  fails(
    { 'X-Amz-Expires': '604801' },
    'X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds',
  );
  // Earlier checks win: a bad algorithm hides a bad date, a bad credential hides bad expiry.
  fails({ 'X-Amz-Algorithm': 'x', 'X-Amz-Date': 'x' }, 'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"');
  fails(
    { 'X-Amz-Credential': 'AKID/20130524/us-west-2/s3/aws4_request', 'X-Amz-Expires': '-1' },
    "Error parsing the X-Amz-Credential parameter; the region 'us-west-2' is wrong; expecting 'us-east-1'",
  );
  fails({ 'X-Amz-Date': 'x', 'X-Amz-Expires': '-1' }, `X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'"`);
});
