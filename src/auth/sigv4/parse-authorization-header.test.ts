import { test } from 'node:test';
import assert from 'node:assert/strict';
import { S3Error } from '../../s3/errors/s3-error.ts';
import { parseAuthorizationHeader } from './parse-authorization-header.ts';

const CRED = 'AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request';
const SIG = 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41';
const THREE =
  'The authorization header is malformed; the authorization header requires three components: Credential, SignedHeaders, and Signature.';

test('the three components, with or without a space after the commas, in any order', () => {
  const expected = { credential: CRED, signedHeaders: 'host;range', signature: SIG };
  assert.deepEqual(parseAuthorizationHeader(`Credential=${CRED},SignedHeaders=host;range,Signature=${SIG}`), expected);
  assert.deepEqual(parseAuthorizationHeader(`Credential=${CRED}, SignedHeaders=host;range, Signature=${SIG}`), expected);
  assert.deepEqual(parseAuthorizationHeader(` Signature=${SIG} , Credential=${CRED},SignedHeaders=host;range`), expected);
});

test('missing, repeated, unknown or case-changed components are AuthorizationHeaderMalformed', () => {
  const bad = [
    `SignedHeaders=host,Signature=${SIG}`,
    `Credential=${CRED},Signature=${SIG}`,
    `Credential=${CRED},SignedHeaders=host`,
    `Credential=${CRED},SignedHeaders=host,Signature=${SIG},Signature=${SIG}`,
    `Credential=${CRED},SignedHeaders=host,Signature=${SIG},Foo=bar`,
    `credential=${CRED},SignedHeaders=host,Signature=${SIG}`,
    `Credential=${CRED},SignedHeaders,Signature=${SIG}`,
    '',
  ];
  for (const params of bad) {
    assert.throws(
      () => parseAuthorizationHeader(params),
      (e: unknown) => e instanceof S3Error && e.code === 'AuthorizationHeaderMalformed' && e.message === THREE && e.status === 400,
      params,
    );
  }
});
