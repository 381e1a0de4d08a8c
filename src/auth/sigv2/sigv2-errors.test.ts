import { test } from 'node:test';
import assert from 'node:assert/strict';
import { missingQueryParameters, sigV2NotSupported, signatureDoesNotMatchV2 } from './sigv2-errors.ts';

test('SigV2 refused: 400 InvalidRequest with AWS’s V4-only-region text (errors.md §3)', () => {
  for (const form of ['header', 'query'] as const) {
    const e = sigV2NotSupported(form);
    assert.deepEqual([e.status, e.code, e.message, e.fields], [
      400,
      'InvalidRequest',
      'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
      [],
    ]);
  }
});

test('SignatureDoesNotMatch: the four SigV2 elements; UTF-8 text in StringToSign, its bytes in StringToSignBytes', () => {
  const bytes = Buffer.from('PUT\n\n\n\nx-amz-meta-name:café\n/b/k', 'utf8').toString('latin1');
  const e = signatureDoesNotMatchV2({ accessKeyId: 'AKID', stringToSign: bytes, signatureProvided: 'sig=' });
  assert.equal(e.status, 403);
  assert.equal(e.code, 'SignatureDoesNotMatch');
  assert.equal(e.message, 'The request signature we calculated does not match the signature you provided. Check your key and signing method.');
  assert.deepEqual(e.fields, [
    ['AWSAccessKeyId', 'AKID'],
    ['StringToSign', 'PUT\n\n\n\nx-amz-meta-name:café\n/b/k'],
    ['SignatureProvided', 'sig='],
    ['StringToSignBytes', '50 55 54 0a 0a 0a 0a 78 2d 61 6d 7a 2d 6d 65 74 61 2d 6e 61 6d 65 3a 63 61 66 c3 a9 0a 2f 62 2f 6b'],
  ]);
});

test('partial query parameters: 403 AccessDenied with no extra elements', () => {
  const e = missingQueryParameters();
  assert.deepEqual([e.status, e.code, e.fields], [403, 'AccessDenied', []]);
});
