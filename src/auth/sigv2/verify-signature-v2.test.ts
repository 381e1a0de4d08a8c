import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureStore } from '../sigv4/testing/s3-fixture.ts';
import { AKID, SECRET, T0, hmacSha1Base64, rejectsWith, signedOk } from './testing/v2-fixture.ts';
import { verifySignatureV2 } from './verify-signature-v2.ts';

const deps = () => ({ credentials: fixtureStore(), now: T0 });
const claim = (signature: string, stringsToSign: string[], sessionToken?: string) => ({
  scheme: 'v2-header' as const,
  accessKeyId: AKID,
  signature,
  sessionToken,
  stringsToSign,
  signedAt: T0 - 1000,
});

test('any candidate string may match; the result carries the claim’s scheme and time', async () => {
  const auth = await signedOk(verifySignatureV2(claim(hmacSha1Base64(SECRET, 'second'), ['first', 'second']), deps()));
  assert.deepEqual([auth.scheme, auth.signatureVersion, auth.signedAt], ['v2-header', 'AWS', T0 - 1000]);
});

test('no candidate matches: the first one is reported', async () => {
  const e = await rejectsWith(verifySignatureV2(claim('nope', ['first', 'second']), deps()), {
    status: 403,
    code: 'SignatureDoesNotMatch',
    message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    fields: [['AWSAccessKeyId', AKID], ['StringToSign', 'first'], ['SignatureProvided', 'nope'], ['StringToSignBytes', '66 69 72 73 74']],
  });
  assert.ok(e);
});

test('a byte string is signed as the UTF-8 text it spells (what clients HMAC)', async () => {
  const text = 'PUT\n\n\n\nx-amz-meta-n:日本\n/b/k';
  const bytes = Buffer.from(text, 'utf8').toString('latin1');
  await signedOk(verifySignatureV2(claim(hmacSha1Base64(SECRET, text), [bytes]), deps()));
});

test('a token sent with a long-term key: InvalidToken once the signature is good', async () => {
  await rejectsWith(verifySignatureV2(claim(hmacSha1Base64(SECRET, 's'), ['s'], 'stray'), deps()), {
    status: 400,
    code: 'InvalidToken',
    message: 'The provided token is malformed or otherwise invalid.',
    fields: [['Token-0', 'stray']],
  });
});
