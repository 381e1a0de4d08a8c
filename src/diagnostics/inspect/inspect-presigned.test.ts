/**
 * Each diagnosis of a SigV4 presigned URL, asserted on the returned data: what is decoded, which
 * problems are found in which order, and what AWS answers first (errors.md §9.1).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AKID, SIGNED_AT, inspect, presigned, replaceParam } from './testing/inspect-fixture.ts';

const ids = (i: { findings: Array<{ id: string }> }) => i.findings.map((f) => f.id);

describe('inspect: presigned SigV4 URLs', () => {
  it('decodes a fresh URL and verifies it with the secret', async () => {
    const i = await inspect([presigned({ region: 'eu-west-1', expiresSeconds: 600 })]);
    assert.equal(i.scheme, 'sigv4-query');
    assert.equal(i.algorithm, 'AWS4-HMAC-SHA256');
    assert.equal(i.accessKeyId, AKID);
    assert.equal(i.credentialType, 'long-term');
    assert.deepEqual(i.scope, { date: '20240501', region: 'eu-west-1', service: 's3', terminator: 'aws4_request' });
    assert.equal(i.signedAt, '2024-05-01T12:00:00Z');
    assert.equal(i.expiresSeconds, 600);
    assert.equal(i.expiresAt, '2024-05-01T12:10:00Z');
    assert.equal(i.secondsUntilExpiry, 540);
    assert.deepEqual(i.signedHeaders, ['host']);
    assert.equal(i.sessionToken, undefined);
    assert.deepEqual(i.endpoint, { host: 'examplebucket.s3.eu-west-1.amazonaws.com', aws: true, region: 'eu-west-1', regionSource: 'host', global: false, addressing: 'virtual-host', bucket: 'examplebucket', key: 'photos/cat.jpg' });
    assert.deepEqual(i.findings, []);
    assert.deepEqual(i.verdict, { outcome: 'accepted' });
    assert.equal(i.signatureCheck?.matches, true);
    assert.match(i.signatureCheck!.canonicalRequest!, /^GET\n\/photos\/cat\.jpg\nX-Amz-Algorithm=AWS4-HMAC-SHA256&.*\nhost:examplebucket\.s3\.eu-west-1\.amazonaws\.com\n\nhost\nUNSIGNED-PAYLOAD$/);
    assert.match(i.signatureCheck!.stringToSign, /^AWS4-HMAC-SHA256\n20240501T120000Z\n20240501\/eu-west-1\/s3\/aws4_request\n[0-9a-f]{64}$/);
  });

  it('without a secret: every check before the signature passes, and it says what is missing', async () => {
    const i = await inspect([presigned()], { secret: false });
    assert.equal(i.verdict.outcome, 'signature-unchecked');
    assert.equal(i.signatureCheck, undefined);
    assert.ok(i.notes.some((n) => n.includes(`No secret for ${AKID}`)));
  });

  it('expired: AccessDenied "Request has expired" with AWS’s elements, and by how much', async () => {
    const i = await inspect([presigned({ expiresSeconds: 60 })], { after: 120_000 });
    assert.equal(i.verdict.outcome, 'refused');
    assert.deepEqual(i.verdict.outcome === 'refused' && i.verdict.error, {
      status: 403,
      code: 'AccessDenied',
      message: 'Request has expired',
      fields: { 'X-Amz-Expires': '60', Expires: '2024-05-01T12:01:00Z', ServerTime: '2024-05-01T12:02:00Z' },
    });
    assert.equal(i.verdict.outcome === 'refused' && i.verdict.finding, 'expired');
    assert.equal(i.secondsUntilExpiry, -60);
    assert.deepEqual(ids(i), ['expired']);
    assert.match(i.findings[0]!.message, /Expired at 2024-05-01T12:01:00Z \(X-Amz-Date 2024-05-01T12:00:00Z \+ X-Amz-Expires 60s\), 1 minute ago/);
    // The signature itself is still checked, at the URL's own time.
    assert.equal(i.signatureCheck?.matches, true);
  });

  it('X-Amz-Expires=0 is expired from the start', async () => {
    const i = await inspect([presigned({ expiresSeconds: 0 })], { after: 0 });
    assert.equal(i.verdict.outcome === 'refused' && i.verdict.error.message, 'Request has expired');
    assert.match(i.findings[0]!.message, /X-Amz-Expires is 0/);
  });

  it('not yet valid: signed more than 15 minutes in the future', async () => {
    const i = await inspect([presigned()], { after: -20 * 60_000 });
    assert.equal(i.verdict.outcome === 'refused' && i.verdict.error.message, 'Request is not yet valid');
    assert.deepEqual(i.verdict.outcome === 'refused' && Object.keys(i.verdict.error.fields), ['X-Amz-Date', 'Expires', 'ServerTime']);
    assert.deepEqual(ids(i), ['not-yet-valid']);
    assert.match(i.findings[0]!.message, /20 minutes after now/);
    // Within the allowance it is fine.
    assert.equal((await inspect([presigned()], { after: -10 * 60_000 })).verdict.outcome, 'accepted');
  });

  it('X-Amz-Expires out of range: 400 before any time check, even when also expired', async () => {
    const i = await inspect([presigned({ expiresSeconds: 604801 })], { after: 30 * 86_400_000 });
    assert.deepEqual(i.verdict.outcome === 'refused' && [i.verdict.error.status, i.verdict.error.code, i.verdict.error.message], [
      400,
      'AuthorizationQueryParametersError',
      'X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds',
    ]);
    assert.deepEqual(ids(i), ['expires-out-of-range']);
    assert.equal((await inspect([replaceParam(presigned(), 'X-Amz-Expires', 'soon')])).findings[0]!.id, 'expires-out-of-range');
    assert.equal((await inspect([presigned({ expiresSeconds: 604800 })])).verdict.outcome, 'accepted');
  });

  it('a region that does not match the host wins over expiry, and names the right region', async () => {
    const url = presigned({ region: 'us-east-1', expiresSeconds: 60 }).replace('.s3.us-east-1.', '.s3.eu-west-1.');
    const i = await inspect([url], { after: 3600_000 });
    assert.equal(i.endpoint.region, 'eu-west-1');
    assert.deepEqual(i.verdict.outcome === 'refused' && i.verdict.error, {
      status: 400,
      code: 'AuthorizationQueryParametersError',
      message: "Error parsing the X-Amz-Credential parameter; the region 'us-east-1' is wrong; expecting 'eu-west-1'",
      fields: { Region: 'eu-west-1' },
    });
    assert.deepEqual(ids(i), ['wrong-region', 'expired']);
    assert.match(i.findings[0]!.message, /Signed for us-east-1, but eu-west-1 is the region the host examplebucket\.s3\.eu-west-1\.amazonaws\.com serves/);
  });

  it('region: unknown offline for other hosts, given by --region, advisory on the global endpoint', async () => {
    const local = presigned({ endpoint: 'http://127.0.0.1:9000', region: 'us-east-1' });
    const i = await inspect([local]);
    assert.deepEqual([i.endpoint.region, i.endpoint.regionSource, ids(i)], [undefined, 'unknown', ['region-unverified']]);
    assert.equal(i.verdict.outcome, 'accepted');
    const flagged = await inspect([local], { region: 'eu-north-1' });
    assert.deepEqual([flagged.endpoint.regionSource, ids(flagged)], ['flag', ['wrong-region']]);
    const global = await inspect([presigned().replace('.s3.us-east-1.', '.s3.')]);
    assert.deepEqual([global.endpoint.global, global.findings[0]!.id, global.findings[0]!.severity], [true, 'region-unverified', 'info']);
  });

  it('credential scope problems: wrong service, malformed, bad terminator, date not X-Amz-Date’s', async () => {
    const service = await inspect([presigned({ service: 'execute-api' })]);
    assert.deepEqual(ids(service), ['wrong-service']);
    assert.equal(service.verdict.outcome === 'refused' && service.verdict.error.message, 'Error parsing the X-Amz-Credential parameter; incorrect service "execute-api". This endpoint belongs to "s3".');

    const malformed = await inspect([replaceParam(presigned(), 'X-Amz-Credential', `${AKID}%2F20240501%2Fus-east-1%2Fs3`)]);
    assert.deepEqual(ids(malformed), ['credential-malformed']);
    assert.match(malformed.verdict.outcome === 'refused' ? malformed.verdict.error.message : '', /the Credential is mal-formed/);

    const terminator = await inspect([replaceParam(presigned(), 'X-Amz-Credential', `${AKID}%2F20240501%2Fus-east-1%2Fs3%2Faws5_request`)]);
    assert.deepEqual(ids(terminator), ['bad-terminator']);

    const day = await inspect([replaceParam(presigned({ expiresSeconds: 172800 }), 'X-Amz-Date', '20240430T120000Z')]);
    assert.deepEqual(ids(day), ['credential-date-mismatch']);
    assert.equal(day.verdict.outcome === 'refused' && day.verdict.error.code, 'AuthorizationQueryParametersError');

    const date = await inspect([replaceParam(presigned(), 'X-Amz-Date', '2024-05-01T12:00:00Z')]);
    assert.deepEqual(ids(date), ['bad-date']);
  });

  it('missing parameters and a foreign algorithm', async () => {
    const i = await inspect([replaceParam(replaceParam(presigned(), 'X-Amz-Signature', undefined), 'X-Amz-Expires', undefined)]);
    assert.deepEqual(ids(i), ['missing-parameters']);
    assert.match(i.findings[0]!.message, /missing: X-Amz-Signature, X-Amz-Expires\./);
    assert.equal(i.verdict.outcome === 'refused' && i.verdict.error.code, 'AuthorizationQueryParametersError');
    const algorithm = await inspect([replaceParam(presigned(), 'X-Amz-Algorithm', 'AWS4-HMAC-SHA512')]);
    assert.deepEqual(ids(algorithm), ['unsupported-algorithm']);
  });

  it('an x-amz-* header sent with the URL but not signed: AccessDenied HeadersNotSigned', async () => {
    const i = await inspect([presigned({ method: 'PUT' })], { method: 'PUT', headers: ['x-amz-acl: public-read', 'Content-Type: image/jpeg'] });
    assert.deepEqual(ids(i), ['headers-not-signed']);
    assert.deepEqual(i.verdict.outcome === 'refused' && i.verdict.error.fields, { HeadersNotSigned: 'x-amz-acl' });
  });

  it('temporary credentials: the token is shown; without it an ASIA key is InvalidAccessKeyId; with an AKIA key InvalidToken', async () => {
    const temporary = await inspect([presigned({ accessKeyId: 'ASIAEXAMPLEEXAMPLE12', sessionToken: 'FwoG/token+=' })]);
    assert.deepEqual([temporary.credentialType, temporary.sessionToken, ids(temporary), temporary.verdict.outcome], ['temporary', 'FwoG/token+=', ['temporary-credentials'], 'accepted']);

    const missing = await inspect([presigned({ accessKeyId: 'ASIAEXAMPLEEXAMPLE12' })]);
    assert.deepEqual(ids(missing), ['session-token-missing']);
    assert.equal(missing.verdict.outcome === 'refused' && missing.verdict.error.code, 'InvalidAccessKeyId');

    const stray = await inspect([presigned({ sessionToken: 'FwoG' })]);
    assert.deepEqual(ids(stray), ['token-with-long-term-key']);
    assert.equal(stray.verdict.outcome === 'refused' && stray.verdict.error.code, 'InvalidToken');
    // Checked after the signature: without the secret, it cannot be known to come to that.
    assert.equal((await inspect([presigned({ sessionToken: 'FwoG' })], { secret: false })).verdict.outcome, 'signature-unchecked');
  });

  it('expires soon: says so', async () => {
    const i = await inspect([presigned({ expiresSeconds: 120 })], { after: 60_000 });
    assert.deepEqual([ids(i), i.findings[0]!.severity, i.verdict.outcome], [['expires-soon'], 'info', 'accepted']);
  });

  it('the verdict’s finding is always the first failing one in AWS’s order', async () => {
    const url = replaceParam(presigned({ region: 'us-east-1', expiresSeconds: 60 }).replace('.s3.us-east-1.', '.s3.eu-west-1.'), 'X-Amz-Algorithm', 'AWS4-X');
    const i = await inspect([url], { after: 86_400_000 });
    assert.deepEqual(ids(i), ['unsupported-algorithm', 'wrong-region', 'expired']);
    assert.equal(i.verdict.outcome === 'refused' && i.verdict.finding, 'unsupported-algorithm');
    assert.equal(i.findings[0]!.error?.message, 'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"');
    void SIGNED_AT;
  });
});
