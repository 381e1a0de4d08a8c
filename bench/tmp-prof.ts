import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { spawn } from 'node:child_process';
const credentials = { accessKeyId: 'AKIABENCHMARKROOT001', secretAccessKey: 'benchmark-secret-benchmark-secret-000001' };
const child = spawn(process.execPath, ['--cpu-prof', '--cpu-prof-dir=/tmp/prof', 'bin/coffer.mjs', 'server', '--port', '0', '--data-dir', '/tmp/prof/data', '--log-level', process.env.LVL ?? 'info', ...(process.env.EXTRA ? process.env.EXTRA.split(' ') : [])], {
  env: { ...process.env, COFFER_ROOT_ACCESS_KEY_ID: credentials.accessKeyId, COFFER_ROOT_SECRET_ACCESS_KEY: credentials.secretAccessKey }, stdio: ['ignore', 'pipe', 'inherit'] });
const endpoint = await new Promise<string>((r) => { let o=''; child.stdout!.on('data', (d) => { o += d; const m = /"endpoint":"([^"]+)"/.exec(o); if (m) r(m[1]!); }); });
child.stdout!.resume();
const s3 = new S3Client({ endpoint, region: 'us-east-1', credentials, forcePathStyle: true });
await s3.send(new CreateBucketCommand({ Bucket: 'bench' }));
await s3.send(new PutObjectCommand({ Bucket: 'bench', Key: 'obj4k', Body: Buffer.alloc(4096) }));
const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'bench', Key: 'obj4k' }), { expiresIn: 3600 });
console.log(url);
const w = spawn('wrk', ['-t2', '-c64', '-d8s', '--latency', url], { stdio: 'inherit' });
await new Promise((r) => w.on('close', r));
child.kill('SIGINT');
await new Promise((r) => child.on('exit', r));
s3.destroy();
