import { test } from 'node:test';
import assert from 'node:assert/strict';
import { S3Error } from '../../s3/errors/s3-error.ts';
import { parseCredentialScope } from './parse-credential-scope.ts';
import { genericServiceRules, s3Rules } from './service-rules.ts';

const S3 = [s3Rules('us-east-1')];
const parse = (text: string, form: 'header' | 'query' = 'header', accepted = S3) => parseCredentialScope(text, { form, accepted });

function fails(text: string, form: 'header' | 'query', message: string, extra: { fields?: unknown; headers?: unknown } = {}) {
  assert.throws(
    () => parse(text, form),
    (e: unknown) => {
      assert.ok(e instanceof S3Error);
      assert.deepEqual(
        { code: e.code, status: e.status, message: e.message, fields: e.fields, headers: e.headers },
        {
          code: form === 'header' ? 'AuthorizationHeaderMalformed' : 'AuthorizationQueryParametersError',
          status: 400,
          message,
          fields: extra.fields ?? [],
          headers: extra.headers ?? {},
        },
      );
      return true;
    },
  );
}

test('parses the five parts and keeps the scope string', () => {
  const scope = parse('AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request');
  assert.equal(scope.accessKeyId, 'AKIAIOSFODNN7EXAMPLE');
  assert.equal(scope.date, '20130524');
  assert.equal(scope.region, 'us-east-1');
  assert.equal(scope.service, 's3');
  assert.equal(scope.scope, '20130524/us-east-1/s3/aws4_request');
  assert.equal(scope.rules, S3[0]);
});

test('each problem in AWS wording, header and query form (errors.md §2.3, §4)', () => {
  const H = 'The authorization header is malformed; ';
  const Q = 'Error parsing the X-Amz-Credential parameter; ';
  const malformed = 'the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".';
  for (const [form, prefix] of [['header', H], ['query', Q]] as const) {
    fails('AKID/20130524/us-east-1/s3', form, prefix + malformed);
    fails('AKID/20130524/us-east-1/s3/aws4_request/x', form, prefix + malformed);
    fails('AKID', form, prefix + malformed);
    fails('AKID/2013052/us-east-1/s3/aws4_request', form, prefix + 'incorrect date format "2013052". This date in the credential must be in the format "yyyyMMdd".');
    fails('AKID/20130524/us-west-2/s3/aws4_request', form, prefix + "the region 'us-west-2' is wrong; expecting 'us-east-1'", {
      fields: [['Region', 'us-east-1']],
      headers: { 'x-amz-bucket-region': 'us-east-1' },
    });
    fails('AKID/20130524/aws-global/s3/aws4_request', form, prefix + "the region 'aws-global' is wrong; expecting 'us-east-1'", {
      fields: [['Region', 'us-east-1']],
      headers: { 'x-amz-bucket-region': 'us-east-1' },
    });
    fails('AKID/20130524/us-east-1/sts/aws4_request', form, prefix + 'incorrect service "sts". This endpoint belongs to "s3".');
    // Wrong region and wrong service: the region message wins (AWS observed).
    fails('AKID/20130524/us-west-2/execute-api/aws4_request', form, prefix + "the region 'us-west-2' is wrong; expecting 'us-east-1'", {
      fields: [['Region', 'us-east-1']],
      headers: { 'x-amz-bucket-region': 'us-east-1' },
    });
    fails('AKID/20130524/us-east-1/s3/aws5_request', form, prefix + 'incorrect terminal "aws5_request". This endpoint uses "aws4_request".');
  }
});

test('several accepted services: the scope picks one; errors name the first', () => {
  const accepted = [
    genericServiceRules({ service: 'sts', region: 'eu-west-1', payloadSha256: '' }),
    genericServiceRules({ service: 'iam', region: 'us-east-1', payloadSha256: '' }),
  ];
  assert.equal(parse('AKID/20130524/us-east-1/iam/aws4_request', 'header', accepted).rules, accepted[1]);
  assert.equal(parse('AKID/20130524/eu-west-1/sts/aws4_request', 'header', accepted).rules, accepted[0]);
  assert.throws(() => parse('AKID/20130524/eu-west-1/iam/aws4_request', 'header', accepted), {
    message: "The authorization header is malformed; the region 'eu-west-1' is wrong; expecting 'us-east-1'",
  });
  assert.throws(() => parse('AKID/20130524/eu-west-1/s3/aws4_request', 'header', accepted), {
    message: 'The authorization header is malformed; incorrect service "s3". This endpoint belongs to "sts".',
  });
  // Non-S3 services do not send x-amz-bucket-region.
  assert.throws(() => parse('AKID/20130524/us-west-2/sts/aws4_request', 'header', accepted), (e: unknown) => {
    return e instanceof S3Error && Object.keys(e.headers).length === 0;
  });
});
