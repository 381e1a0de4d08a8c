/**
 * The Authorization header's structure, as AWS checks it before any signature: algorithm,
 * credential scope (parts, date, region, service, terminator), scope date against X-Amz-Date —
 * and a configurable skew window (--max-skew).
 */
import { ListBucketsCommand } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { amzDate } from '../../src/lib/dates.ts';
import { assertS3Error } from './assert-s3-error.ts';
import { startTestCoffer, type TestCoffer } from './harness.ts';
import { errorFields, rawRequest } from './raw-request.ts';

describe('Authorization header structure', () => {
  let t: TestCoffer;
  before(async () => {
    t = await startTestCoffer();
  });
  after(() => t.stop());

  async function withAuthorization(authorization: string, date = amzDate(t.clock.now())) {
    const res = await rawRequest(t.endpoint, {
      method: 'GET',
      path: '/',
      headers: { authorization, 'x-amz-date': date, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    });
    return { status: res.status, fields: Object.fromEntries(errorFields(res.body)) as Record<string, string> };
  }
  const sig = 'Signature=' + 'a'.repeat(64);
  const today = () => amzDate(t.clock.now()).slice(0, 8);

  it('an unsupported algorithm → 400 InvalidArgument "Unsupported Authorization Type"', async () => {
    const { status, fields } = await withAuthorization(`AWS4-HMAC-SHA512 Credential=AKIACOFFERTESTROOT01/${today()}/us-east-1/s3/aws4_request, SignedHeaders=host, ${sig}`);
    assert.equal(status, 400);
    assert.equal(fields.Code, 'InvalidArgument');
    assert.equal(fields.Message, 'Unsupported Authorization Type');
    assert.equal(fields.ArgumentName, 'Authorization');
  });

  const malformed: Array<[string, (d: string) => string, string]> = [
    ['wrong number of parts', (d) => `AKIACOFFERTESTROOT01/${d}/us-east-1/s3`, 'The authorization header is malformed; the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".'],
    ['a bad date', () => 'AKIACOFFERTESTROOT01/2013052/us-east-1/s3/aws4_request', 'The authorization header is malformed; incorrect date format "2013052". This date in the credential must be in the format "yyyyMMdd".'],
    ['the wrong service', (d) => `AKIACOFFERTESTROOT01/${d}/us-east-1/sts/aws4_request`, 'The authorization header is malformed; incorrect service "sts". This endpoint belongs to "s3".'],
    ['the wrong terminator', (d) => `AKIACOFFERTESTROOT01/${d}/us-east-1/s3/aws5_request`, 'The authorization header is malformed; incorrect terminal "aws5_request". This endpoint uses "aws4_request".'],
    ['region aws-global', (d) => `AKIACOFFERTESTROOT01/${d}/aws-global/s3/aws4_request`, "The authorization header is malformed; the region 'aws-global' is wrong; expecting 'us-east-1'"],
  ];
  for (const [what, credential, message] of malformed) {
    it(`a credential scope with ${what} → 400 AuthorizationHeaderMalformed`, async () => {
      const { status, fields } = await withAuthorization(`AWS4-HMAC-SHA256 Credential=${credential(today())}, SignedHeaders=host;x-amz-date, ${sig}`);
      assert.equal(status, 400);
      assert.equal(fields.Code, 'AuthorizationHeaderMalformed');
      assert.equal(fields.Message, message);
    });
  }

  it('a missing component → 400 AuthorizationHeaderMalformed', async () => {
    const { status, fields } = await withAuthorization(`AWS4-HMAC-SHA256 Credential=AKIACOFFERTESTROOT01/${today()}/us-east-1/s3/aws4_request, ${sig}`);
    assert.equal(status, 400);
    assert.equal(fields.Code, 'AuthorizationHeaderMalformed');
    assert.equal(fields.Message, 'The authorization header is malformed; the authorization header requires three components: Credential, SignedHeaders, and Signature.');
  });

  it('a scope date that is not the day of X-Amz-Date → 400 AuthorizationHeaderMalformed', async () => {
    const { status, fields } = await withAuthorization(`AWS4-HMAC-SHA256 Credential=AKIACOFFERTESTROOT01/20200101/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, ${sig}`);
    assert.equal(status, 400);
    assert.equal(fields.Code, 'AuthorizationHeaderMalformed');
    assert.equal(fields.Message, 'The authorization header is malformed; Invalid credential date. Date is not the same as X-Amz-Date.');
  });

  it('garbage in the header → 400 InvalidArgument', async () => {
    const { status, fields } = await withAuthorization('garbage');
    assert.equal(status, 400);
    assert.equal(fields.Message, "Authorization header is invalid -- one and only one ' ' (space) required.");
  });
});

describe('--max-skew', () => {
  let t: TestCoffer;
  before(async () => {
    t = await startTestCoffer({ config: { maxSkewMs: 60_000 } });
  });
  after(() => t.stop());

  it('narrows the window: two minutes off is already RequestTimeTooSkewed', async () => {
    await t.s3().send(new ListBucketsCommand({}));
    const res = await rawRequest(t.endpoint, { method: 'GET', path: '/', sign: { ...t.credentials, signingDate: new Date(t.clock.now() - 120_000) } });
    const fields = Object.fromEntries(errorFields(res.body));
    assert.equal(res.status, 403);
    assert.equal(fields.Code, 'RequestTimeTooSkewed');
    assert.equal(fields.MaxAllowedSkewMilliseconds, '60000');
    await assertS3Error(t.s3({ systemClockOffset: t.clock.now() - Date.now() + 90_000 }).send(new ListBucketsCommand({})), { code: 'RequestTimeTooSkewed', status: 403 });
  });
});
