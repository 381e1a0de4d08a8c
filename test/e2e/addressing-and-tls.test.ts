/**
 * How clients reach Coffer: virtual-hosted-style buckets (`<bucket>.localhost`, the SDK's default
 * addressing) next to path style, and HTTPS with --tls-cert/--tls-key.
 */
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startTestCoffer, type TestCoffer } from './harness.ts';

const TLS_DIR = join(fileURLToPath(import.meta.url), '..', '..', 'fixtures', 'tls');

/** `*.localhost` → 127.0.0.1 without depending on the machine's resolver. */
const lookup = (_host: string, options: unknown, cb: (...args: unknown[]) => void) => {
  const all = typeof options === 'object' && options !== null && (options as { all?: boolean }).all;
  if (all) cb(null, [{ address: '127.0.0.1', family: 4 }]);
  else cb(null, '127.0.0.1', 4);
};

describe('virtual-hosted-style addressing', () => {
  let t: TestCoffer;
  before(async () => {
    t = await startTestCoffer();
  });
  after(() => t.stop());

  it('serves <bucket>.localhost requests signed by the SDK with its default (virtual-host) addressing', async () => {
    const port = new URL(t.endpoint).port;
    const s3 = t.s3({
      endpoint: `http://localhost:${port}`,
      forcePathStyle: false,
      requestHandler: new NodeHttpHandler({ httpAgent: new HttpAgent({ lookup } as never) }),
    });
    await s3.send(new CreateBucketCommand({ Bucket: 'vhost' }));
    await s3.send(new PutObjectCommand({ Bucket: 'vhost', Key: 'dir/a b+c.txt', Body: 'virtual' }));
    const got = await s3.send(new GetObjectCommand({ Bucket: 'vhost', Key: 'dir/a b+c.txt' }));
    assert.equal(await got.Body!.transformToString(), 'virtual');
    const list = await s3.send(new ListObjectsV2Command({ Bucket: 'vhost' }));
    assert.deepEqual(list.Contents?.map((c) => c.Key), ['dir/a b+c.txt']);
    // The same object by path style.
    const path = await t.s3().send(new GetObjectCommand({ Bucket: 'vhost', Key: 'dir/a b+c.txt' }));
    assert.equal(await path.Body!.transformToString(), 'virtual');
  });

});

describe('HTTPS', () => {
  let t: TestCoffer;
  before(async () => {
    t = await startTestCoffer({
      config: { tls: { cert: readFileSync(join(TLS_DIR, 'cert.pem'), 'utf8'), key: readFileSync(join(TLS_DIR, 'key.pem'), 'utf8') } },
    });
  });
  after(() => t.stop());

  it('serves the S3 API over TLS with the given certificate', async () => {
    assert.match(t.endpoint, /^https:\/\/127\.0\.0\.1:\d+$/);
    const s3 = t.s3({
      requestHandler: new NodeHttpHandler({ httpsAgent: new HttpsAgent({ ca: readFileSync(join(TLS_DIR, 'cert.pem')) }) }),
    });
    await s3.send(new CreateBucketCommand({ Bucket: 'secure' }));
    await s3.send(new PutObjectCommand({ Bucket: 'secure', Key: 'k', Body: 'over tls' }));
    const got = await s3.send(new GetObjectCommand({ Bucket: 'secure', Key: 'k' }));
    assert.equal(await got.Body!.transformToString(), 'over tls');
  });
});
