/**
 * CORS configurations end to end (../shared/spec/s3-core.md §10.1): PutBucketCors /
 * GetBucketCors / DeleteBucketCors through the AWS SDK v3 with its defaults (a CRC32 checksum,
 * no Content-MD5) and raw requests — rules stored and returned as sent, AWS's validation errors,
 * the integrity checks every bucket configuration PUT has (§9).
 */
import {
  CreateBucketCommand,
  DeleteBucketCorsCommand,
  GetBucketCorsCommand,
  PutBucketCorsCommand,
  S3Client,
  type CORSRule,
} from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createChecksum } from '../../src/lib/checksums/create-checksum.ts';
import { assertS3Error } from './assert-s3-error.ts';
import { MALFORMED, assertRawError } from './cors-fixtures.ts';
import { startTestCoffer, type TestCoffer } from './harness.ts';
import { rawRequest, type RawRequest } from './raw-request.ts';

const SITE = 'cors-site'; // configured in `before`
const BARE = 'cors-bare'; // never configured (for long)
const SITE_RULES: CORSRule[] = [
  { ID: 'app', AllowedOrigins: ['https://app.example.com'], AllowedMethods: ['GET', 'PUT'], AllowedHeaders: ['*'], ExposeHeaders: ['ETag'], MaxAgeSeconds: 60 },
  { AllowedOrigins: ['*'], AllowedMethods: ['GET'] },
];

const md5Base64 = (body: string) => createHash('md5').update(body).digest('base64');
const crc32Base64 = (body: string) => {
  const c = createChecksum('CRC32');
  c.update(Buffer.from(body));
  return c.digest();
};

describe('CORS configuration', () => {
  let t: TestCoffer;
  let s3: S3Client;
  const raw = (r: RawRequest) => rawRequest(t.endpoint, r);
  const signed = (r: Omit<RawRequest, 'sign'>) => rawRequest(t.endpoint, { ...r, sign: t.credentials });

  before(async () => {
    t = await startTestCoffer();
    s3 = t.s3();
    await s3.send(new CreateBucketCommand({ Bucket: SITE }));
    await s3.send(new CreateBucketCommand({ Bucket: BARE }));
    await s3.send(new PutBucketCorsCommand({ Bucket: SITE, CORSConfiguration: { CORSRules: SITE_RULES } }));
  });
  after(() => t.stop());

  it('stores the rules as sent (header case, order) with the SDK default CRC32, and returns them', async () => {
    const B = 'cors-roundtrip';
    await s3.send(new CreateBucketCommand({ Bucket: B }));
    const sent: Record<string, string>[] = [];
    const client = t.s3();
    client.middlewareStack.add(
      (next) => async (args) => {
        sent.push({ ...(args.request as { headers: Record<string, string> }).headers });
        return next(args);
      },
      { step: 'finalizeRequest', name: 'captureHeaders' },
    );
    const rules: CORSRule[] = [
      { ID: 'rule1', AllowedHeaders: ['X-Amz-*', 'Content-Type'], AllowedMethods: ['PUT', 'GET'], AllowedOrigins: ['https://*.example.com'], ExposeHeaders: ['ETag', 'X-Amz-Request-Id'], MaxAgeSeconds: 3000 },
      { AllowedMethods: ['HEAD'], AllowedOrigins: ['*'] },
    ];
    const put = await client.send(new PutBucketCorsCommand({ Bucket: B, CORSConfiguration: { CORSRules: rules } }));
    assert.equal(put.$metadata.httpStatusCode, 200);
    assert.ok(sent[0]?.['x-amz-checksum-crc32'], 'the SDK sent its CRC32');
    assert.equal(sent[0]?.['content-md5'], undefined, 'and no Content-MD5');

    const got = await s3.send(new GetBucketCorsCommand({ Bucket: B }));
    assert.deepEqual(got.CORSRules, rules);

    // The wire document: AWS's element order, the namespace, values verbatim.
    const res = await signed({ method: 'GET', path: `/${B}`, query: { cors: '' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/xml');
    assert.equal(
      res.body,
      '<?xml version="1.0" encoding="UTF-8"?>\n<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
        '<CORSRule><ID>rule1</ID><AllowedHeader>X-Amz-*</AllowedHeader><AllowedHeader>Content-Type</AllowedHeader>' +
        '<AllowedMethod>PUT</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedOrigin>https://*.example.com</AllowedOrigin>' +
        '<ExposeHeader>ETag</ExposeHeader><ExposeHeader>X-Amz-Request-Id</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule>' +
        '<CORSRule><AllowedMethod>HEAD</AllowedMethod><AllowedOrigin>*</AllowedOrigin></CORSRule></CORSConfiguration>',
    );

    // A second PUT replaces the configuration whole.
    await s3.send(new PutBucketCorsCommand({ Bucket: B, CORSConfiguration: { CORSRules: [{ AllowedMethods: ['POST'], AllowedOrigins: ['http://a.test'] }] } }));
    assert.deepEqual((await s3.send(new GetBucketCorsCommand({ Bucket: B }))).CORSRules, [{ AllowedMethods: ['POST'], AllowedOrigins: ['http://a.test'] }]);

    const del = await s3.send(new DeleteBucketCorsCommand({ Bucket: B }));
    assert.equal(del.$metadata.httpStatusCode, 204);
    await assertS3Error(s3.send(new GetBucketCorsCommand({ Bucket: B })), {
      code: 'NoSuchCORSConfiguration',
      status: 404,
      message: 'The CORS configuration does not exist',
      fields: { BucketName: B },
    });
  });

  it('GetBucketCors without a configuration: 404 NoSuchCORSConfiguration with BucketName', async () => {
    const res = await signed({ method: 'GET', path: `/${BARE}`, query: { cors: '' } });
    assertRawError(res, 404, [
      ['Code', 'NoSuchCORSConfiguration'],
      ['Message', 'The CORS configuration does not exist'],
      ['BucketName', BARE],
    ]);
  });

  it('DeleteBucketCors answers 204 when there is nothing to delete', async () => {
    const res = await signed({ method: 'DELETE', path: `/${BARE}`, query: { cors: '' } });
    assert.equal(res.status, 204);
    assert.equal(res.body, '');
    const sdk = await s3.send(new DeleteBucketCorsCommand({ Bucket: BARE }));
    assert.equal(sdk.$metadata.httpStatusCode, 204);
  });

  it('a missing bucket is NoSuchBucket for all three', async () => {
    const noBucket = { code: 'NoSuchBucket', status: 404, message: 'The specified bucket does not exist', fields: { BucketName: 'cors-none' } };
    await assertS3Error(s3.send(new PutBucketCorsCommand({ Bucket: 'cors-none', CORSConfiguration: { CORSRules: SITE_RULES } })), noBucket);
    await assertS3Error(s3.send(new GetBucketCorsCommand({ Bucket: 'cors-none' })), noBucket);
    await assertS3Error(s3.send(new DeleteBucketCorsCommand({ Bucket: 'cors-none' })), noBucket);
  });

  it('refuses invalid configurations with AWS errors, and keeps the stored one', async () => {
    const put = (CORSRules: CORSRule[]) => s3.send(new PutBucketCorsCommand({ Bucket: SITE, CORSConfiguration: { CORSRules } }));
    await assertS3Error(put([{ AllowedMethods: ['GET', 'PATCH'], AllowedOrigins: ['*'] }]), {
      code: 'InvalidRequest',
      status: 400,
      message: 'Found unsupported HTTP method in CORS config. Unsupported method is PATCH',
    });
    await assertS3Error(put([{ AllowedMethods: ['GET'], AllowedOrigins: ['http://*.*.example.com'] }]), {
      code: 'InvalidRequest',
      status: 400,
      message: 'AllowedOrigin "http://*.*.example.com" can not have more than one wildcard.',
    });
    await assertS3Error(put([{ AllowedMethods: ['GET'], AllowedOrigins: ['*'], AllowedHeaders: ['x-*-*'] }]), {
      code: 'InvalidRequest',
      status: 400,
      message: 'AllowedHeader "x-*-*" can not have more than one wildcard.',
    });
    await assertS3Error(put([]), { code: 'MalformedXML', status: 400, message: MALFORMED });
    await assertS3Error(put(Array.from({ length: 101 }, () => ({ AllowedMethods: ['GET'], AllowedOrigins: ['*'] }))), {
      code: 'MalformedXML',
      status: 400,
      message: MALFORMED,
    });
    await s3.send(new PutBucketCorsCommand({ Bucket: BARE, CORSConfiguration: { CORSRules: Array.from({ length: 100 }, () => ({ AllowedMethods: ['GET'], AllowedOrigins: ['*'] })) } }));
    await s3.send(new DeleteBucketCorsCommand({ Bucket: BARE }));
    assert.deepEqual((await s3.send(new GetBucketCorsCommand({ Bucket: SITE }))).CORSRules, SITE_RULES);
  });

  it('needs Content-MD5 or a checksum, and checks it', async () => {
    const xml = '<CORSConfiguration><CORSRule><AllowedMethod>GET</AllowedMethod><AllowedOrigin>*</AllowedOrigin></CORSRule></CORSConfiguration>';
    const putCors = (headers: Record<string, string>, body = xml) => signed({ method: 'PUT', path: `/${BARE}`, query: { cors: '' }, headers, body });

    assertRawError(await putCors({}), 400, [
      ['Code', 'InvalidRequest'],
      ['Message', 'Missing required header for this request: Content-MD5'],
    ]);
    assertRawError(await putCors({ 'content-md5': md5Base64('other') }), 400, [
      ['Code', 'BadDigest'],
      ['Message', 'The Content-MD5 you specified did not match what we received.'],
      ['ExpectedDigest', md5Base64('other')],
      ['CalculatedDigest', md5Base64(xml)],
    ]);
    assertRawError(await putCors({ 'content-md5': 'nope' }), 400, [
      ['Code', 'InvalidDigest'],
      ['Message', 'The Content-MD5 you specified was invalid.'],
      ['Content-MD5', 'nope'],
    ]);
    assertRawError(await putCors({ 'x-amz-checksum-crc32': crc32Base64('other') }), 400, [
      ['Code', 'BadDigest'],
      ['Message', 'The CRC32 you specified did not match the calculated checksum.'],
    ]);
    await assertS3Error(s3.send(new GetBucketCorsCommand({ Bucket: BARE })), { code: 'NoSuchCORSConfiguration', status: 404 });

    assert.equal((await putCors({ 'content-md5': md5Base64(xml) })).status, 200);
    assert.equal((await putCors({ 'x-amz-checksum-crc32': crc32Base64(xml), 'x-amz-sdk-checksum-algorithm': 'CRC32' })).status, 200);
    assertRawError(await putCors({ 'content-md5': md5Base64('<CORSConfiguration/>') }, '<CORSConfiguration/>'), 400, [
      ['Code', 'MalformedXML'],
      ['Message', MALFORMED],
    ]);
    const big = `<CORSConfiguration>${'<CORSRule><AllowedMethod>GET</AllowedMethod><AllowedOrigin>*</AllowedOrigin></CORSRule>'.repeat(800)}</CORSConfiguration>`;
    assert.ok(big.length > 64 * 1024);
    assertRawError(await putCors({ 'content-md5': md5Base64(big) }, big), 400, [
      ['Code', 'MaxMessageLengthExceeded'],
      ['Message', 'Your request was too big.'],
    ]);
    await s3.send(new DeleteBucketCorsCommand({ Bucket: BARE }));
  });

  it('is not open to anonymous requests', async () => {
    const res = await raw({ method: 'GET', path: `/${SITE}`, query: { cors: '' } });
    assertRawError(res, 403, [
      ['Code', 'AccessDenied'],
      ['Message', 'Access Denied'],
    ]);
  });
});
