import { authenticate } from '../authenticate.ts';
import { makeRequest } from './testing/make-request.ts';
import { fixture, signedS3, presignedS3, HOST } from './testing/s3-fixture.ts';
const f = fixture();
const spec = signedS3({ method: 'GET', target: '/examplebucket/photos/2024/a%20b.jpg', headers: [['Host', HOST], ['Range', 'bytes=0-9'], ['User-Agent', 'aws-sdk-js/3'], ['amz-sdk-invocation-id', 'x'], ['x-amz-user-agent', 'y']] });
const req = makeRequest(spec);
const qspec = presignedS3({ target: '/examplebucket/photos/2024/a.jpg', headers: { Host: HOST } });
const qreq = makeRequest(qspec);
for (const [name, r] of [['header', req], ['query', qreq]] as const) {
  for (let i = 0; i < 50000; i++) await authenticate(r, f.deps);
  const N = 200000;
  const t0 = process.cpuUsage();
  const w0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) await authenticate(r, f.deps);
  const w1 = process.hrtime.bigint();
  const t1 = process.cpuUsage(t0);
  console.log(name, 'wall µs/op', Number(w1 - w0) / 1000 / N, 'cpu µs/op', (t1.user + t1.system) / N);
}
