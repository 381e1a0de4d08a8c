/**
 * Bucket policy conditions on what a request *is*: how old its signature is (E7 — the way to cap
 * presigned URLs), whether it came over TLS (E2), and an explicit Deny beating every Allow.
 */
import { CreateBucketCommand, DeleteObjectCommand, GetObjectCommand, PutBucketPolicyCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Agent as HttpsAgent } from 'node:https';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assertS3Error } from '../assert-s3-error.ts';
import { startTestCoffer, type TestCoffer } from '../harness.ts';
import { errorFields } from '../raw-request.ts';
import { policy } from './setup.ts';

const TLS_DIR = join(fileURLToPath(import.meta.url), '..', '..', '..', 'fixtures', 'tls');

describe('policy conditions', () => {
  let t: TestCoffer;
  before(async () => {
    t = await startTestCoffer();
    const s3 = t.s3();
    await s3.send(new CreateBucketCommand({ Bucket: 'links' }));
    await s3.send(new PutObjectCommand({ Bucket: 'links', Key: 'report.pdf', Body: 'report' }));
  });
  after(() => t.stop());

  it('E7: s3:signatureAge caps a presigned URL at 10 minutes, though X-Amz-Expires says an hour', async () => {
    const s3 = t.s3();
    await s3.send(
      new PutBucketPolicyCommand({
        Bucket: 'links',
        Policy: policy([
          { Sid: 'MaxAge', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::links/*', Condition: { NumericGreaterThan: { 's3:signatureAge': '600000' } } },
        ]),
      }),
    );
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'links', Key: 'report.pdf' }), { expiresIn: 3600 });
    assert.equal((await fetch(url)).status, 200);
    t.clock.advance(11 * 60_000);
    try {
      const res = await fetch(url);
      assert.equal(res.status, 403);
      const fields = Object.fromEntries(errorFields(await res.text()));
      assert.equal(fields.Code, 'AccessDenied');
      assert.notEqual(fields.Message, 'Request has expired', 'an authorization denial, not an expiry');
      assert.equal(
        fields.Message,
        `User: arn:aws:iam::${t.coffer.account.accountId}:root is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::links/report.pdf" with an explicit deny in a resource-based policy`,
      );
    } finally {
      t.clock.advance(-11 * 60_000);
    }
  });

  it('E2: a Deny on aws:SecureTransport false refuses plain HTTP — even to the owner', async () => {
    const s3 = t.s3();
    await s3.send(new CreateBucketCommand({ Bucket: 'tls-only-here' }));
    await s3.send(new PutObjectCommand({ Bucket: 'tls-only-here', Key: 'secret.txt', Body: 'x' }));
    await s3.send(
      new PutBucketPolicyCommand({
        Bucket: 'tls-only-here',
        Policy: policy([
          { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::tls-only-here/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
        ]),
      }),
    );
    await assertS3Error(s3.send(new GetObjectCommand({ Bucket: 'tls-only-here', Key: 'secret.txt' })), {
      code: 'AccessDenied',
      status: 403,
      message: `User: arn:aws:iam::${t.coffer.account.accountId}:root is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::tls-only-here/secret.txt" with an explicit deny in a resource-based policy`,
    });
  });

  it('an explicit Deny beats the owner’s own rights', async () => {
    const s3 = t.s3();
    await s3.send(
      new PutBucketPolicyCommand({
        Bucket: 'links',
        Policy: policy([{ Sid: 'Keep', Effect: 'Deny', Principal: '*', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::links/*' }]),
      }),
    );
    await assertS3Error(s3.send(new DeleteObjectCommand({ Bucket: 'links', Key: 'report.pdf' })), {
      code: 'AccessDenied',
      status: 403,
      message: `User: arn:aws:iam::${t.coffer.account.accountId}:root is not authorized to perform: s3:DeleteObject on resource: "arn:aws:s3:::links/report.pdf" with an explicit deny in a resource-based policy`,
    });
    // The owner's root may still change the policy that locks it out.
    await s3.send(new PutBucketPolicyCommand({ Bucket: 'links', Policy: policy([{ Effect: 'Deny', Principal: '*', Action: 's3:PutBucketPolicy', Resource: 'arn:aws:s3:::links' }]) }));
    await s3.send(new PutBucketPolicyCommand({ Bucket: 'links', Policy: policy([{ Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: 'arn:aws:s3:::links/locked/*' }]) }));
    await s3.send(new DeleteObjectCommand({ Bucket: 'links', Key: 'report.pdf' }));
  });
});

describe('aws:SecureTransport over the TLS listener (E2)', () => {
  let t: TestCoffer;
  before(async () => {
    t = await startTestCoffer({
      config: { tls: { cert: readFileSync(join(TLS_DIR, 'cert.pem'), 'utf8'), key: readFileSync(join(TLS_DIR, 'key.pem'), 'utf8') } },
    });
  });
  after(() => t.stop());

  it('a Deny on aws:SecureTransport false lets HTTPS through', async () => {
    const s3 = t.s3({ requestHandler: new NodeHttpHandler({ httpsAgent: new HttpsAgent({ ca: readFileSync(join(TLS_DIR, 'cert.pem')) }) }) });
    await s3.send(new CreateBucketCommand({ Bucket: 'tls-only' }));
    await s3.send(
      new PutBucketPolicyCommand({
        Bucket: 'tls-only',
        Policy: policy([
          { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::tls-only', 'arn:aws:s3:::tls-only/*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
          { Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: 'arn:aws:s3:::tls-only/*', Condition: { NumericLessThan: { 's3:TlsVersion': '1.2' } } },
        ]),
      }),
    );
    await s3.send(new PutObjectCommand({ Bucket: 'tls-only', Key: 'secret.txt', Body: 'over tls' }));
    const got = await s3.send(new GetObjectCommand({ Bucket: 'tls-only', Key: 'secret.txt' }));
    assert.equal(await got.Body!.transformToString(), 'over tls');
  });
});
