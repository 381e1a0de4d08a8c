/**
 * Cross-check against AWS's own JavaScript signer: requests signed by `@smithy/signature-v4`
 * configured as `@aws-sdk/client-s3` configures it (service `s3`, `uriEscapePath: false` because
 * the S3 serializer has already escaped each key segment, `applyChecksum: true`), by the real
 * S3Client (its request captured before it leaves), and presigned by `@aws-sdk/s3-request-presigner`,
 * must all verify — for keys and query values that are awkward to canonicalise.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { buildQueryString, escapeUriPath } from '@smithy/core/protocols';
import { S3RequestPresigner } from '@aws-sdk/s3-request-presigner';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AKID, SECRET, fixture, signedOk } from './testing/s3-fixture.ts';
import type { RequestSpec } from './testing/make-request.ts';

const KEYS = [
  'simple.txt',
  'a b.txt',
  'a+b',
  '100%',
  '50%25 literally',
  'ünïcødé/日本語.txt',
  'emoji 😀',
  'dir//double//slash',
  '../up/./dot/..',
  'trailing/',
  '/leading',
  'with?question&amp=1#hash',
  "quote'(star)*!$@:;,=",
  '~tilde-_.',
  'tab\tand\nnewline',
];
const QUERIES: Array<Record<string, string | string[]>> = [
  {},
  { acl: '' },
  { prefix: 'a/b=c', delimiter: '/', 'list-type': '2', 'start-after': 'x=y&z' },
  { 'response-content-disposition': 'attachment; filename="a b+c.txt"', versionId: 'v1/2+3=' },
  { tagging: '', 'x-id': 'GetObject', 'response-content-type': 'text/plain; charset=utf-8' },
];
const DATE = new Date(Date.UTC(2013, 4, 24, 0, 0, 0));
const credentials = { accessKeyId: AKID, secretAccessKey: SECRET };
const signer = new SignatureV4({ credentials, region: 'us-east-1', service: 's3', sha256: Sha256, uriEscapePath: false, applyChecksum: true });

interface SmithyRequest {
  method: string;
  protocol: string;
  hostname: string;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

/** The request as node-http-handler puts it on the wire. */
function toWire(r: SmithyRequest): RequestSpec {
  const query = r.query && Object.keys(r.query).length > 0 ? '?' + buildQueryString(r.query as Record<string, string>) : '';
  return { method: r.method, target: r.path + query, headers: Object.entries(r.headers), body: typeof r.body === 'string' ? r.body : undefined };
}

function request(key: string, query: Record<string, string | string[]>, method = 'GET'): SmithyRequest {
  return {
    method,
    protocol: 'http:',
    hostname: 'examplebucket.s3.amazonaws.com',
    // What the S3 serializer does with the greedy {Key+} label.
    path: '/' + escapeUriPath(key),
    query,
    headers: { host: 'examplebucket.s3.amazonaws.com', 'x-amz-meta-note': 'signed too', 'content-type': 'text/plain' },
  };
}

test('smithy SignatureV4 (S3 mode), header form: every awkward key and query verifies', async () => {
  const f = fixture();
  for (const key of KEYS) {
    for (const query of QUERIES) {
      const signed = (await signer.sign(request(key, query) as never, { signingDate: DATE })) as unknown as SmithyRequest;
      const wire = toWire(signed);
      const auth = await signedOk(f.run(wire));
      assert.equal(auth.seed?.signature, signed.headers['authorization']!.slice(-64), `${key} ${JSON.stringify(query)}`);
      // Control: the same request with another method must not verify.
      await assert.rejects(f.run({ ...wire, method: 'PUT' }), { code: 'SignatureDoesNotMatch' });
    }
  }
});

test('smithy SignatureV4 (S3 mode), presigned: every awkward key and query verifies', async () => {
  const f = fixture();
  for (const key of KEYS) {
    for (const query of QUERIES) {
      const req = request(key, query);
      req.headers['X-Amz-Content-Sha256'] = 'UNSIGNED-PAYLOAD';
      const presigned = (await signer.presign(req as never, { signingDate: DATE, expiresIn: 3600 })) as unknown as SmithyRequest;
      // smithy hoists x-amz-* headers into the query, where they are ordinary signed parameters.
      assert.equal(presigned.query?.['X-Amz-Content-Sha256'], 'UNSIGNED-PAYLOAD');
      assert.equal(presigned.query?.['x-amz-meta-note'], 'signed too');
      const auth = await signedOk(f.run(toWire(presigned)));
      assert.equal(auth.scheme, 'v4-query', key);
    }
  }
});

test('@aws-sdk/s3-request-presigner URLs verify', async () => {
  const presigner = new S3RequestPresigner({ credentials, region: 'us-east-1', sha256: Sha256 });
  const f = fixture();
  for (const key of KEYS) {
    const presigned = (await presigner.presign(request(key, { 'response-content-type': 'a/b' }) as never, { signingDate: DATE })) as unknown as SmithyRequest;
    await signedOk(f.run(toWire(presigned)));
  }
});

test('the real S3Client: its captured requests verify (path- and virtual-host style, flexible checksums)', async () => {
  for (const forcePathStyle of [true, false]) {
    const last: { request?: SmithyRequest } = {};
    const client = new S3Client({
      region: 'us-east-1',
      credentials,
      endpoint: 'http://s3.localhost:9000',
      forcePathStyle,
      maxAttempts: 1,
      requestHandler: {
        handle: async (req: SmithyRequest) => {
          last.request = req;
          throw new Error('captured');
        },
      } as never,
    });
    const commands = [
      ...KEYS.filter((k) => !k.startsWith('/')).map((Key) => new GetObjectCommand({ Bucket: 'examplebucket', Key, ResponseContentDisposition: 'attachment; a=b/c' })),
      new PutObjectCommand({ Bucket: 'examplebucket', Key: 'a b+c/ü.txt', Body: 'Welcome to Amazon S3.', Metadata: { note: 'x y' } }),
      new ListObjectsV2Command({ Bucket: 'examplebucket', Prefix: 'a/b=c', Delimiter: '/', StartAfter: 'x=y&z' }),
    ];
    for (const command of commands) {
      last.request = undefined;
      await assert.rejects(client.send(command as never), /captured/);
      const captured = last.request as SmithyRequest | undefined;
      assert.ok(captured);
      const signedAt = Date.parse(captured.headers['x-amz-date']!.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
      const f = fixture({ now: signedAt });
      await signedOk(f.run(toWire(captured)));
    }
    client.destroy();
  }
});
