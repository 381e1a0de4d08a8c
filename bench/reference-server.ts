/**
 * The bare node:http reference: every GET answers a fixed 4 KiB body, every PUT's body is read
 * and thrown away. What Node itself costs, with no S3 work at all. Prints its port on stdout.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const BODY = Buffer.alloc(4096, 'r');
const server = createServer((req, res) => {
  if (req.method === 'PUT' || req.method === 'POST') {
    req.on('data', () => {});
    req.on('end', () => {
      res.writeHead(200, { 'content-length': 0, etag: '"0"' });
      res.end();
    });
    return;
  }
  res.writeHead(200, { 'content-type': 'binary/octet-stream', 'content-length': BODY.length, etag: '"0"' });
  res.end(BODY);
});
server.keepAliveTimeout = 20_000;
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: (server.address() as AddressInfo).port })));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
