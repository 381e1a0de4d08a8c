/**
 * Authorization-header requests (SigV4 and SigV2) and SigV2 presigned URLs: decoded, judged at a
 * time, and verified with the secret.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { objectUrl } from '../signing/object-url.ts';
import { presignV2 } from '../signing/presign-v2.ts';
import { AKID, SECRET, SIGNED_AT, headerSigned, inspect } from './testing/inspect-fixture.ts';

const ids = (i: { findings: Array<{ id: string }> }) => i.findings.map((f) => f.id);
const URL = 'https://examplebucket.s3.us-east-1.amazonaws.com/photos/cat.jpg?versionId=3';

describe('inspect: Authorization header, SigV4', () => {
  it('decodes and verifies a signed request; valid for the 15-minute skew around its time', async () => {
    const i = await inspect(headerSigned({ url: URL }));
    assert.equal(i.scheme, 'sigv4-header');
    assert.deepEqual(i.signedHeaders, ['host', 'x-amz-content-sha256', 'x-amz-date']);
    assert.deepEqual([i.signedAt, i.validFrom, i.expiresAt, i.secondsUntilExpiry], ['2024-05-01T12:00:00Z', '2024-05-01T11:45:00Z', '2024-05-01T12:15:00Z', 840]);
    assert.deepEqual(i.verdict, { outcome: 'accepted' });
    assert.match(i.signatureCheck!.canonicalRequest!, /^GET\n\/photos\/cat\.jpg\nversionId=3\nhost:/);
  });

  it('clock skew: sent 20 minutes after signing → RequestTimeTooSkewed', async () => {
    const i = await inspect(headerSigned({ url: URL }), { after: 20 * 60_000 });
    assert.deepEqual(ids(i), ['clock-skew']);
    assert.deepEqual(i.verdict.outcome === 'refused' && i.verdict.error, {
      status: 403,
      code: 'RequestTimeTooSkewed',
      message: 'The difference between the request time and the current time is too large.',
      fields: { RequestTime: '20240501T120000Z', ServerTime: '2024-05-01T12:20:00Z', MaxAllowedSkewMilliseconds: '900000' },
    });
    assert.match(i.findings[0]!.message, /20 minutes before now/);
  });

  it('no date, no x-amz-content-sha256, wrong region: each found, the first in AWS order reported', async () => {
    const args = headerSigned({ url: URL, region: 'eu-west-1' }).filter((a) => !a.startsWith('x-amz-date') && !a.startsWith('x-amz-content-sha256'));
    const i = await inspect(args);
    assert.deepEqual(ids(i), ['wrong-region', 'missing-date', 'missing-content-sha256']);
    assert.equal(i.verdict.outcome === 'refused' && i.verdict.error.message, "The authorization header is malformed; the region 'eu-west-1' is wrong; expecting 'us-east-1'");
  });

  it('only the header (no URL): decodes it, and says the URL is needed for the signature', async () => {
    const auth = headerSigned({ url: URL }).filter((a) => a.startsWith('authorization') || a.startsWith('x-amz-date'));
    const i = await inspect(auth.map((a) => a.replace(/^authorization/, 'Authorization')));
    assert.deepEqual([i.scheme, i.accessKeyId, i.scope?.region, i.request.url], ['sigv4-header', AKID, 'us-east-1', undefined]);
    // x-amz-content-sha256 was not pasted: that may be all that is wrong, so no verdict.
    assert.equal(i.verdict.outcome, 'unknown');
    assert.match(i.verdict.outcome === 'unknown' ? i.verdict.explanation : '', /^Only part of the request was given \(No x-amz-content-sha256 header/);
    // What is wrong whatever else was sent is still a verdict.
    const skewed = await inspect(auth.map((a) => a.replace(/^authorization/, 'Authorization')), { after: 3600_000 });
    assert.equal(skewed.verdict.outcome === 'refused' && skewed.verdict.error.code, 'RequestTimeTooSkewed');
    assert.ok(i.notes.some((n) => n.startsWith('No URL given')));
    assert.equal(i.signatureCheck, undefined);
  });
});

describe('inspect: SigV2', () => {
  const target = objectUrl({ bucket: 'examplebucket', key: 'photos/cat.jpg', region: 'us-east-1' });
  const v2 = (expiresAt: number, host = target) =>
    presignV2({ method: 'GET', origin: host.origin, rawPath: host.rawPath, addressing: host.addressing, bucket: 'examplebucket', credentials: { accessKeyId: AKID, secretAccessKey: SECRET }, expiresAt }).url;

  it('presigned: decoded and verified; Expires past → "Request has expired" without X-Amz-Expires', async () => {
    const url = v2(SIGNED_AT + 3600_000);
    const ok = await inspect([url]);
    assert.deepEqual([ok.scheme, ok.accessKeyId, ok.expiresAt, ok.verdict.outcome, ok.signatureCheck?.matches], ['sigv2-query', AKID, '2024-05-01T13:00:00Z', 'accepted', true]);
    assert.equal(ok.signatureCheck!.stringToSign, 'GET\n\n\n1714568400\n/examplebucket/photos/cat.jpg');
    const late = await inspect([url], { after: 2 * 3600_000 });
    assert.deepEqual(ids(late), ['expired']);
    assert.deepEqual(late.verdict.outcome === 'refused' && late.verdict.error.fields, { Expires: '2024-05-01T13:00:00Z', ServerTime: '2024-05-01T14:00:00Z' });
  });

  it('presigned: a region that only takes SigV4 refuses it first', async () => {
    const url = v2(SIGNED_AT + 3600_000, objectUrl({ bucket: 'examplebucket', key: 'photos/cat.jpg', region: 'eu-central-1' }));
    const i = await inspect([url], { after: 86_400_000 });
    assert.deepEqual(ids(i), ['sigv2-not-supported', 'expired']);
    assert.equal(i.verdict.outcome === 'refused' && i.verdict.error.message, 'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.');
  });

  it('presigned: a Content-Type sent with a URL signed without one is a confirmed cause', async () => {
    const i = await inspect([v2(SIGNED_AT + 3600_000)], { headers: ['Content-Type: text/plain'] });
    assert.equal(i.verdict.outcome === 'refused' && i.verdict.error.code, 'SignatureDoesNotMatch');
    assert.deepEqual(i.signatureCheck!.causes.filter((c) => c.confirmed).map((c) => c.id), ['unsigned-header-in-signature']);
  });

  it('Authorization: AWS … with a Date header', async () => {
    const date = 'Wed, 01 May 2024 12:00:00 GMT';
    const signature = createHmac('sha1', SECRET).update(`GET\n\n\n${date}\n/examplebucket/photos/cat.jpg`).digest('base64');
    const args = [target.origin + target.rawPath, `Authorization: AWS ${AKID}:${signature}`, `Date: ${date}`];
    const ok = await inspect(args);
    assert.deepEqual([ok.scheme, ok.accessKeyId, ok.signedAt, ok.verdict.outcome, ok.signatureCheck?.matches], ['sigv2-header', AKID, '2024-05-01T12:00:00Z', 'accepted', true]);
    const skewed = await inspect(args, { after: 3600_000 });
    assert.deepEqual(ids(skewed), ['clock-skew']);
    assert.equal(skewed.verdict.outcome === 'refused' && skewed.verdict.error.code, 'RequestTimeTooSkewed');
    const wrong = await inspect(args, { method: 'DELETE' });
    assert.deepEqual(wrong.signatureCheck!.causes.filter((c) => c.confirmed).map((c) => c.id), ['method']);
  });
});
