/**
 * Presigned PUTs, POST-policy form uploads and presigned-URL expiry in a real browser: headless
 * Chromium opens a page served from another origin (its own port) and talks to Coffer the way a
 * web app does — fetch with a File, a real <form enctype="multipart/form-data"> submitted by
 * the browser, CORS preflights sent by the browser itself — and the test asserts what the page
 * could read and what Coffer stored. Skipped when /usr/bin/chromium is missing (Debian package
 * chromium), unless COFFER_REQUIRE_INTEROP=1.
 */
import { CreateBucketCommand, GetObjectCommand, PutBucketCorsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Page, Response } from 'playwright-core';
import { startTestCoffer, type TestCoffer } from '../e2e/harness.ts';
import { errorFields } from '../e2e/raw-request.ts';
import { launchChromium, missingChromium, recordPreflights, type Browser, type SeenPreflight } from './chromium.ts';
import { startPageServer, uploadForm, type PageServer } from './page-server.ts';

const skip = missingChromium();
const BUCKET = 'browser-uploads';
const md5 = (data: Uint8Array | string) => createHash('md5').update(data).digest('hex');

/** What window.coffer (page-server.ts) hands back. */
interface PutResult {
  status: number;
  etag: string | null;
  body: string;
}
interface GetResult {
  status: number;
  contentType: string | null;
  body: string;
  error: Record<string, string>;
}

/** Polls until `check` returns a value (bounded), for events that arrive asynchronously. */
async function until<T>(check: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('browser uploads from another origin (headless Chromium)', { skip, timeout: 180_000 }, () => {
  let t: TestCoffer;
  let s3: S3Client;
  let site: PageServer;
  let browser: Browser | undefined;
  let page: Page;
  let preflights: () => SeenPreflight[];

  /** The uploader page, on the site's origin (never Coffer's: every call is cross-origin). */
  const openApp = async () => {
    await page.goto(`${site.origin}/`);
    assert.equal(await page.evaluate(() => location.origin), site.origin);
    assert.notEqual(site.origin, new URL(t.endpoint).origin);
  };

  before(async () => {
    t = await startTestCoffer();
    s3 = t.s3();
    site = await startPageServer();
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await s3.send(
      new PutBucketCorsCommand({
        Bucket: BUCKET,
        CORSConfiguration: {
          CORSRules: [{ AllowedOrigins: [site.origin], AllowedMethods: ['PUT', 'POST', 'GET'], AllowedHeaders: ['*'], ExposeHeaders: ['ETag'] }],
        },
      }),
    );
    browser = await launchChromium();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    preflights = (await recordPreflights(page)).seen;
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    await t?.stop();
  });

  it('PUT of a File through a presigned URL: the browser preflights x-amz-meta-origin, 200, ETag readable, bytes stored', async () => {
    await openApp();
    const data = randomBytes(256 * 1024 + 7);
    const key = 'put/from the page.bin';
    // The metadata header stays a header (not hoisted into the query), so it is signed and the page must send it.
    const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: BUCKET, Key: key, Metadata: { origin: site.origin } }), {
      expiresIn: 300,
      unhoistableHeaders: new Set(['x-amz-meta-origin']),
    });
    assert.equal(new URL(url).searchParams.get('X-Amz-SignedHeaders'), 'host;x-amz-meta-origin');

    const put: PutResult = await page.evaluate((args) => (globalThis as any).coffer.put(args), {
      url,
      base64: data.toString('base64'),
      name: 'from the page.bin',
      type: 'application/octet-stream',
      headers: { 'x-amz-meta-origin': site.origin },
    });
    assert.equal(put.status, 200, put.body);
    assert.equal(put.etag, `"${md5(data)}"`, 'the page reads the ETag only if Coffer exposes it');

    // The browser's own preflight, before the PUT: allowed, for exactly what the page sends.
    const preflight = await until(() => preflights().find((p) => p.url === url && p.status !== undefined), 'the PUT preflight');
    assert.equal(preflight.headers['access-control-request-method'], 'PUT');
    assert.equal(preflight.headers['origin'], site.origin);
    assert.deepEqual(preflight.headers['access-control-request-headers']?.split(',').sort(), ['content-type', 'x-amz-meta-origin']);
    assert.equal(preflight.status, 200);
    assert.equal(preflight.responseHeaders?.['access-control-allow-origin'], site.origin);
    assert.equal(preflight.responseHeaders?.['access-control-allow-methods'], 'PUT, POST, GET');
    assert.equal(preflight.responseHeaders?.['access-control-allow-headers'], 'content-type, x-amz-meta-origin');

    const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    assert.deepEqual(Buffer.from(await got.Body!.transformToByteArray()), data);
    assert.equal(got.ContentType, 'application/octet-stream');
    assert.deepEqual(got.Metadata, { origin: site.origin });
  });

  /** Serves a form made from createPresignedPost, picks the file, submits it; the POST's answer. */
  async function submitForm(fields: Record<string, string>, url: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<Response> {
    site.setPage('/form', uploadForm(url, fields));
    await page.goto(`${site.origin}/form`);
    await page.setInputFiles('input[type=file]', file);
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url() === url);
    await page.click('button[type=submit]');
    const res = await answered;
    assert.equal(res.request().headers()['origin'], site.origin);
    assert.match(res.request().headers()['content-type'] ?? '', /^multipart\/form-data; boundary=/);
    return res;
  }

  it('a real <form> POST upload with success_action_redirect: 303 back to the page origin with bucket, key and etag', async () => {
    const png = randomBytes(4096);
    const done = `${site.origin}/done`;
    const { url, fields } = await createPresignedPost(s3, {
      Bucket: BUCKET,
      Key: 'form/${filename}',
      Expires: 300,
      Fields: { 'Content-Type': 'image/png', success_action_redirect: done },
      Conditions: [['content-length-range', 1, 1024 * 1024]],
    });
    const landed = page.waitForURL((u) => u.href.startsWith(`${done}?`));
    const post = await submitForm(fields, url, { name: 'pixel.png', mimeType: 'image/png', buffer: png });
    assert.equal(post.status(), 303);
    await landed;

    const query = new URL(page.url()).searchParams;
    const etag = `"${md5(png)}"`;
    assert.deepEqual(Object.fromEntries(query), { bucket: BUCKET, key: 'form/pixel.png', etag });
    assert.equal(post.headers()['location'], page.url());
    assert.equal(await page.textContent('#key'), 'form/pixel.png');
    assert.equal(await page.textContent('#etag'), etag);
    assert.ok(site.requests.some((r) => r.startsWith('GET /done?')), 'the browser followed the redirect to the site');

    const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'form/pixel.png' }));
    assert.deepEqual(Buffer.from(await got.Body!.transformToByteArray()), png);
    assert.equal(got.ContentType, 'image/png');
    assert.equal(got.ETag, etag);
  });

  it('a real <form> POST upload with success_action_status 201: the browser shows the PostResponse XML', async () => {
    const text = 'uploaded by a form in Chromium\n';
    const { url, fields } = await createPresignedPost(s3, {
      Bucket: BUCKET,
      Key: 'form/created.txt',
      Expires: 300,
      Fields: { 'Content-Type': 'text/plain; charset=utf-8', success_action_status: '201' },
    });
    const post = await submitForm(fields, url, { name: 'notes.txt', mimeType: 'application/octet-stream', buffer: Buffer.from(text) });
    assert.equal(post.status(), 201);
    assert.equal(post.headers()['content-type'], 'application/xml');
    const body = await post.text();
    const etag = `"${md5(text)}"`;
    assert.match(body, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<PostResponse>/);
    assert.deepEqual(Object.fromEntries(elements(body, 'PostResponse')), {
      Location: `${t.endpoint}/${BUCKET}/form/created.txt`,
      Bucket: BUCKET,
      Key: 'form/created.txt',
      ETag: etag,
    });
    await page.waitForURL(url); // the browser shows the answer, on Coffer's origin

    const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'form/created.txt' }));
    assert.equal(await got.Body!.transformToString(), text);
    // The form's Content-Type field wins over the file part's own type.
    assert.equal(got.ContentType, 'text/plain; charset=utf-8');
  });

  it('an expired presigned GET: the page reads the 403 and the "Request has expired" document', async () => {
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'expiring.txt', Body: 'soon gone' }));
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: BUCKET, Key: 'expiring.txt' }), { expiresIn: 60 });
    await openApp();
    const fresh: GetResult = await page.evaluate((u) => (globalThis as any).coffer.get(u), url);
    assert.equal(fresh.status, 200);
    assert.equal(fresh.body, 'soon gone');

    t.clock.advance(61_000); // the server's clock only: no sleeping
    try {
      const expired: GetResult = await page.evaluate((u) => (globalThis as any).coffer.get(u), url);
      assert.equal(expired.status, 403, expired.body);
      assert.equal(expired.contentType, 'application/xml');
      assert.equal(expired.error.Code, 'AccessDenied');
      assert.equal(expired.error.Message, 'Request has expired');
      assert.equal(expired.error['X-Amz-Expires'], '60');
      assert.ok(expired.error.Expires && expired.error.ServerTime, expired.body);
      assert.deepEqual(Object.fromEntries(errorFields(expired.body)), expired.error, 'the page parsed what Coffer sent');
    } finally {
      t.clock.advance(-61_000);
    }
  });
});

/** The children of <root> in an XML document, in order, as [name, text]. */
function elements(xml: string, root: string): Array<[string, string]> {
  const inner = new RegExp(`<${root}>([\\s\\S]*)</${root}>`).exec(xml)?.[1] ?? '';
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return [...inner.matchAll(/<([\w-]+)>([^<]*)<\/\1>/g)].map((m): [string, string] => [m[1]!, unescape(m[2]!)]);
}
