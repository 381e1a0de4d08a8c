/**
 * What @aws-sdk/client-s3 really sends: a PutObject with a stream body goes out as
 * STREAMING-UNSIGNED-PAYLOAD-TRAILER with Transfer-Encoding: chunked and a CRC32 trailer
 * (s3-core.md §9). A node:http server on port 0 decodes it with openPayload and checks the
 * trailer checksum with BodyDigest, as the object write will. The seed signature itself is
 * authenticate.ts's business and is not checked here.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { Readable } from 'node:stream';
import { createBodyDigest } from '../../lib/checksums/body-digest.ts';
import { RequestHeaders } from '../../s3/s3-request.ts';
import { declaredChecksum, verifyDeclaredChecksum } from './declared-checksum.ts';
import { openPayload } from './open-payload.ts';
import { drain, makeRequest, seedOf, signedAuth } from './payload.fixtures.ts';

interface Seen {
  headers: IncomingMessage['headers'];
  data: Buffer;
  checksum: { algorithm: string; value: string } | undefined;
  error: unknown;
}

describe('@aws-sdk/client-s3 PutObject wire format', () => {
  it('a stream body decodes and its CRC32 trailer verifies', async (t) => {
    let sdk: typeof import('@aws-sdk/client-s3');
    try {
      sdk = await import('@aws-sdk/client-s3');
    } catch {
      t.skip('@aws-sdk/client-s3 is not installed');
      return;
    }
    const seen: Seen[] = [];
    const server = createServer((message, res) => {
      void (async () => {
        const headers = new RequestHeaders(new Map(Object.entries(message.headersDistinct) as Array<[string, string[]]>));
        const req = { ...makeRequest({}, message), headers };
        const entry: Seen = { headers: message.headers, data: Buffer.alloc(0), checksum: undefined, error: undefined };
        seen.push(entry);
        try {
          const declared = declaredChecksum(headers);
          const payload = openPayload(req, signedAuth(seedOf('', '0'.repeat(64))));
          const digest = createBodyDigest({ checksums: declared ? [declared.algorithm] : [] });
          const { data, error } = await drain(payload.body.pipe(digest));
          if (error) throw error;
          entry.data = data;
          entry.checksum = verifyDeclaredChecksum(declared, { trailers: payload.trailers(), computed: digest.result().checksums });
          res.writeHead(200, { etag: `"${digest.result().md5.toString('hex')}"` }).end();
        } catch (error) {
          entry.error = error;
          res.writeHead(400).end();
        }
      })();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = new sdk.S3Client({
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
    });
    try {
      const pieces = Array.from({ length: 40 }, (_, i) => Buffer.alloc(10_000 + i, i));
      const body = Buffer.concat(pieces);
      await client.send(
        new sdk.PutObjectCommand({ Bucket: 'b', Key: 'k', Body: Readable.from(pieces), ContentLength: body.length }),
      );
      const entry = seen[0]!;
      assert.equal(entry.error, undefined, String(entry.error));
      assert.equal(entry.headers['x-amz-content-sha256'], 'STREAMING-UNSIGNED-PAYLOAD-TRAILER');
      assert.equal(entry.headers['x-amz-decoded-content-length'], String(body.length));
      assert.ok(entry.data.equals(body));
      assert.equal(entry.checksum?.algorithm, 'CRC32');
    } finally {
      client.destroy();
      server.close();
    }
  });
});
