/**
 * Workload 7: the same presigned 4 KiB GET as workload 1, with a 100-statement bucket policy full
 * of conditions to evaluate, and signed by an IAM user holding 10 attached managed policies —
 * ops/s relative to workload 1 on the same server.
 */
import { AttachUserPolicyCommand, CreateAccessKeyCommand, CreatePolicyCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetObjectCommand, PutBucketPolicyCommand, DeletePublicAccessBlockCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { runWrk, type LoadResult } from '../lib/wrk.ts';

function bigPolicy(accountId: string): string {
  const statements: unknown[] = [];
  for (let i = 0; i < 99; i++) {
    // Kept short: a bucket policy may not exceed 20 KB.
    statements.push({
      Effect: i % 10 === 0 ? 'Deny' : 'Allow',
      Principal: { AWS: accountId },
      Action: 's3:GetObject',
      Resource: `arn:aws:s3:::bench/n${i}/*`,
      Condition:
        i % 2 === 0 ? { IpAddress: { 'aws:SourceIp': `10.${i}.0.0/16` }, StringLike: { 'aws:UserAgent': `*a${i}*` } } : { IpAddress: { 'aws:SourceIp': `10.${i}.0.0/16` } },
    });
  }
  statements.push({ Sid: 'Readers', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bench/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

export async function policyHeavyWorkload(options: {
  endpoint: string;
  s3: S3Client;
  credentials: { accessKeyId: string; secretAccessKey: string };
  accountId: string;
  rounds: number;
  seconds: number;
  connections: number;
}): Promise<{ bucketPolicy: LoadResult[]; iamUser: LoadResult[] }> {
  const { s3 } = options;
  await s3.send(new DeletePublicAccessBlockCommand({ Bucket: 'bench' }));
  await s3.send(new PutBucketPolicyCommand({ Bucket: 'bench', Policy: bigPolicy(options.accountId) }));
  const rootUrl = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'bench', Key: 'obj4k' }), { expiresIn: 3600 * 6 });

  const iam = new IAMClient({ endpoint: options.endpoint, region: 'us-east-1', credentials: options.credentials });
  await iam.send(new CreateUserCommand({ UserName: 'bench-user' }));
  for (let i = 0; i < 10; i++) {
    const doc = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: i === 9 ? 's3:GetObject' : `s3:GetBucket${i}*`, Resource: i === 9 ? 'arn:aws:s3:::bench/*' : '*' }],
    });
    const policy = await iam.send(new CreatePolicyCommand({ PolicyName: `bench-${i}`, PolicyDocument: doc }));
    await iam.send(new AttachUserPolicyCommand({ UserName: 'bench-user', PolicyArn: policy.Policy!.Arn! }));
  }
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'bench-user' }))).AccessKey!;
  iam.destroy();
  const userS3 = new S3Client({ endpoint: options.endpoint, region: 'us-east-1', credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! }, forcePathStyle: true });
  const userUrl = await getSignedUrl(userS3, new GetObjectCommand({ Bucket: 'bench', Key: 'obj4k' }), { expiresIn: 3600 * 6 });
  userS3.destroy();

  const bucketPolicy: LoadResult[] = [];
  const iamUser: LoadResult[] = [];
  for (let r = 0; r < options.rounds; r++) {
    bucketPolicy.push(await runWrk({ url: rootUrl, connections: options.connections, seconds: options.seconds }));
    iamUser.push(await runWrk({ url: userUrl, connections: options.connections, seconds: options.seconds }));
  }
  return { bucketPolicy, iamUser };
}
