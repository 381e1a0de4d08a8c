/**
 * CPU cost of `authenticate` for a header-signed and a presigned S3 request with a warm
 * signing-key cache (ARCHITECTURE.md: one SHA-256 of the canonical request and one HMAC per
 * request). The anonymous run is the harness's own floor (an async call and an await).
 * Prints the median of 5 runs of 200,000 requests each.
 *
 * Run it as `npm start` runs the server — bundled by esbuild, not through tsx (whose name-keeping
 * helpers add ~0.3 µs):  npm run bench:sigv4
 */
import { authenticate } from '../src/auth/authenticate.ts';
import type { S3Request } from '../src/s3/s3-request.ts';
import { makeRequest } from '../src/auth/sigv4/testing/make-request.ts';
import { HOST, fixture, presignedS3, signedS3 } from '../src/auth/sigv4/testing/s3-fixture.ts';

const { deps } = fixture();
const headers: Array<[string, string]> = [
  ['Host', HOST],
  ['Range', 'bytes=0-9'],
  ['User-Agent', 'aws-sdk-js/3.1174.0 ua/2.1 os/linux lang/js md/nodejs#20.20.2 api/s3#3.1174.0'],
  ['amz-sdk-invocation-id', '2968bfb8-6ea1-4458-9a5e-6d64ced54aea'],
  ['amz-sdk-request', 'attempt=1; max=3'],
  ['x-amz-user-agent', 'aws-sdk-js/3.1174.0'],
];
const cases: Array<[string, S3Request]> = [
  // Signed like @aws-sdk/client-s3 signs a GetObject: everything but user-agent.
  [
    'header-signed GET',
    makeRequest(
      signedS3(
        { target: '/examplebucket/photos/2024/a%20b.jpg?versionId=3', headers },
        { signedHeaders: ['amz-sdk-invocation-id', 'amz-sdk-request', 'host', 'range', 'x-amz-content-sha256', 'x-amz-date', 'x-amz-user-agent'] },
      ),
    ),
  ],
  ['presigned GET', makeRequest(presignedS3({ target: '/examplebucket/photos/2024/a%20b.jpg', headers: { Host: HOST } }))],
  ['anonymous (harness floor)', makeRequest({ target: '/examplebucket/photos/2024/a.jpg', headers: { Host: HOST } })],
];

// `npm run bench:sigv4 -- presigned`: only the cases whose name contains the argument (for a profile).
const only = process.argv[2];
for (const [name, req] of cases.filter(([n]) => only === undefined || n.includes(only))) {
  for (let i = 0; i < 50_000; i++) await authenticate(req, deps);
  const n = 200_000;
  const runs: number[] = [];
  for (let run = 0; run < 5; run++) {
    const start = process.cpuUsage();
    for (let i = 0; i < n; i++) await authenticate(req, deps);
    const used = process.cpuUsage(start);
    runs.push((used.user + used.system) / n);
  }
  runs.sort((a, b) => a - b);
  console.log(`${name.padEnd(28)} ${runs[2]!.toFixed(2)} µs CPU per request (median of 5 runs; ${runs[0]!.toFixed(2)}–${runs[4]!.toFixed(2)})`);
}
