/**
 * Workload 7: the same presigned 4 KiB GET as workload 1, on a bucket with a 100-statement bucket
 * policy full of conditions to evaluate, and signed by an IAM user holding 10 attached managed
 * policies — ops/s relative to workload 1, which runs interleaved with them on the same server.
 */
import { AttachUserPolicyCommand, CreateAccessKeyCommand, CreatePolicyCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateBucketCommand, GetObjectCommand, PutBucketPolicyCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { runWrk, type LoadResult } from '../lib/wrk.ts';

export const POLICY_BUCKET = 'bench-policy';

type Credentials = { accessKeyId: string; secretAccessKey: string };

function bigPolicy(accountId: string): string {
  const statements: unknown[] = [];
  for (let i = 0; i < 99; i++) {
    // Kept short: a bucket policy may not exceed 20 KB.
    statements.push({
      Effect: i % 10 === 0 ? 'Deny' : 'Allow',
      Principal: { AWS: accountId },
      Action: 's3:GetObject',
      Resource: `arn:aws:s3:::${POLICY_BUCKET}/n${i}/*`,
      Condition:
        i % 2 === 0 ? { IpAddress: { 'aws:SourceIp': `10.${i}.0.0/16` }, StringLike: { 'aws:UserAgent': `*a${i}*` } } : { IpAddress: { 'aws:SourceIp': `10.${i}.0.0/16` } },
    });
  }
  statements.push({ Sid: 'Readers', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${POLICY_BUCKET}/*`, Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** Creates POLICY_BUCKET holding `obj4k`, under the 100-statement policy. */
export async function bigBucketPolicy(s3: S3Client, endpoint: string, credentials: Credentials): Promise<{ accountId: string }> {
  const sts = new STSClient({ endpoint, region: 'us-east-1', credentials });
  const accountId = (await sts.send(new GetCallerIdentityCommand({}))).Account!;
  sts.destroy();
  await s3.send(new CreateBucketCommand({ Bucket: POLICY_BUCKET }));
  await s3.send(new PutObjectCommand({ Bucket: POLICY_BUCKET, Key: 'obj4k', Body: Buffer.alloc(4096, 'c') }));
  await s3.send(new PutBucketPolicyCommand({ Bucket: POLICY_BUCKET, Policy: bigPolicy(accountId) }));
  return { accountId };
}

/** An IAM user with 10 attached managed policies, the last of which allows the GET. */
export async function createBenchUser(endpoint: string, credentials: Credentials): Promise<S3Client> {
  const iam = new IAMClient({ endpoint, region: 'us-east-1', credentials });
  await iam.send(new CreateUserCommand({ UserName: 'bench-user' }));
  for (let i = 0; i < 10; i++) {
    const doc = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: i === 9 ? 's3:GetObject' : `s3:GetBucket${i}*`, Resource: i === 9 ? `arn:aws:s3:::${POLICY_BUCKET}/*` : '*' }],
    });
    const policy = await iam.send(new CreatePolicyCommand({ PolicyName: `bench-${i}`, PolicyDocument: doc }));
    await iam.send(new AttachUserPolicyCommand({ UserName: 'bench-user', PolicyArn: policy.Policy!.Arn! }));
  }
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'bench-user' }))).AccessKey!;
  iam.destroy();
  return new S3Client({ endpoint, region: 'us-east-1', credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! }, forcePathStyle: true });
}

export interface PolicyHeavyResult {
  /** Workload 1 again, interleaved with the two cases below. */
  baseline: LoadResult[];
  bucketPolicy: LoadResult[];
  iamUser: LoadResult[];
}

export async function policyHeavyWorkload(options: {
  endpoint: string;
  s3: S3Client;
  credentials: Credentials;
  rounds: number;
  seconds: number;
  connections: number;
}): Promise<PolicyHeavyResult> {
  const { s3 } = options;
  await bigBucketPolicy(s3, options.endpoint, options.credentials);
  await s3.send(new PutObjectCommand({ Bucket: 'bench', Key: 'obj4k', Body: Buffer.alloc(4096, 'p') }));
  const expiresIn = 3600 * 6;
  const baselineUrl = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'bench', Key: 'obj4k' }), { expiresIn });
  const rootUrl = await getSignedUrl(s3, new GetObjectCommand({ Bucket: POLICY_BUCKET, Key: 'obj4k' }), { expiresIn });
  const userS3 = await createBenchUser(options.endpoint, options.credentials);
  const userUrl = await getSignedUrl(userS3, new GetObjectCommand({ Bucket: POLICY_BUCKET, Key: 'obj4k' }), { expiresIn });
  userS3.destroy();

  const result: PolicyHeavyResult = { baseline: [], bucketPolicy: [], iamUser: [] };
  const load = (url: string) => runWrk({ url, connections: options.connections, seconds: options.seconds });
  for (let r = 0; r < options.rounds; r++) {
    result.baseline.push(await load(baselineUrl));
    result.bucketPolicy.push(await load(rootUrl));
    result.iamUser.push(await load(userUrl));
  }
  return result;
}
