import { test } from 'node:test';
import assert from 'node:assert/strict';
import { S3Error } from '../../s3/errors/s3-error.ts';
import { parseV2Authorization } from './parse-v2-authorization.ts';

test('AWS AKID:signature', () => {
  assert.deepEqual(parseV2Authorization('AWS AKIAIOSFODNN7EXAMPLE:qgk2+6Sv9/oM7G3qLEjTH1a1l1g='), {
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    signature: 'qgk2+6Sv9/oM7G3qLEjTH1a1l1g=',
  });
});

const fails = (value: string, message: string) =>
  assert.throws(
    () => parseV2Authorization(value),
    (e: unknown) => {
      assert.ok(e instanceof S3Error);
      assert.deepEqual([e.status, e.code, e.message, e.fields], [400, 'InvalidArgument', message, [['ArgumentName', 'Authorization'], ['ArgumentValue', value]]]);
      return true;
    },
    value,
  );

test('not AKID:signature → InvalidArgument "AWS authorization header is invalid.  Expected AwsAccessKeyId:signature"', () => {
  const message = 'AWS authorization header is invalid.  Expected AwsAccessKeyId:signature';
  for (const value of ['AWS AKIAIOSFODNN7EXAMPLE', 'AWS :sig=', 'AWS AKIAIOSFODNN7EXAMPLE:', 'AWS a:b:c', 'AWS ']) fails(value, message);
});

test('a second space → InvalidArgument "…one and only one \' \' (space) required."', () => {
  const message = "Authorization header is invalid -- one and only one ' ' (space) required.";
  for (const value of ['AWS AKID:sig extra', 'AWS  AKID:sig', 'AWS AKID: sig']) fails(value, message);
});
