/**
 * A bucket policy names an IAM user by ARN, but means the user it named when it was stored (its
 * unique id, policy-evaluation.md §1): a user deleted and created again under the same name is
 * someone else, and the policy no longer lets it in — until the policy is stored again. Meanwhile
 * GetBucketPolicy shows the deleted user's unique id where its ARN was, as AWS does.
 */
import { CreateAccessKeyCommand, CreateUserCommand, DeleteAccessKeyCommand, DeleteUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateBucketCommand, GetBucketPolicyCommand, GetObjectCommand, PutBucketPolicyCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertS3Error } from '../assert-s3-error.ts';
import { startTestCoffer, type TestCoffer } from '../harness.ts';
import { policy } from './setup.ts';

const B = 'named-readers';

describe('a bucket policy names the user it meant, not the name', () => {
  let t: TestCoffer;
  let iam: IAMClient;
  let s3: S3Client;
  before(async () => {
    t = await startTestCoffer();
    iam = new IAMClient({ endpoint: t.endpoint, region: 'us-east-1', credentials: t.credentials, maxAttempts: 1 });
    s3 = t.s3();
    await s3.send(new CreateBucketCommand({ Bucket: B }));
    await s3.send(new PutObjectCommand({ Bucket: B, Key: 'report.pdf', Body: 'report' }));
  });
  after(async () => {
    iam.destroy();
    await t.stop();
  });

  /** Creates the user `temp` with a key, and returns a client signing as it. */
  const createTemp = async () => {
    const { User } = await iam.send(new CreateUserCommand({ UserName: 'temp' }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'temp' }));
    const client = t.s3({ credentials: { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! } });
    return { arn: User!.Arn!, userId: User!.UserId!, accessKeyId: AccessKey!.AccessKeyId!, client };
  };
  const storedText = async () => (await s3.send(new GetBucketPolicyCommand({ Bucket: B }))).Policy;
  const read = async (client: S3Client) => (await client.send(new GetObjectCommand({ Bucket: B, Key: 'report.pdf' }))).Body!.transformToString();

  it('allowed as named; the same name recreated is refused; storing the policy again names the new user', async () => {
    const first = await createTemp();
    const text = policy([{ Sid: 'TempReads', Effect: 'Allow', Principal: { AWS: first.arn }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${B}/*` }]);
    await s3.send(new PutBucketPolicyCommand({ Bucket: B, Policy: text }));
    assert.equal(await read(first.client), 'report', 'the user has no identity policy: the bucket policy lets it in');

    await iam.send(new DeleteAccessKeyCommand({ UserName: 'temp', AccessKeyId: first.accessKeyId }));
    await iam.send(new DeleteUserCommand({ UserName: 'temp' }));
    // As AWS shows it: the deleted user's unique id where its ARN was, the rest as stored.
    assert.equal(await storedText(), text.replace(`"AWS":"${first.arn}"`, `"AWS":"${first.userId}"`));
    const second = await createTemp();
    assert.equal(second.arn, first.arn, 'the same ARN');
    assert.notEqual(second.userId, first.userId, 'another user');
    await assertS3Error(second.client.send(new GetObjectCommand({ Bucket: B, Key: 'report.pdf' })), {
      code: 'AccessDenied',
      status: 403,
      message: `User: ${second.arn} is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::${B}/report.pdf" because no identity-based policy allows the s3:GetObject action`,
    });

    assert.equal(await storedText(), text.replace(`"AWS":"${first.arn}"`, `"AWS":"${first.userId}"`), 'the new user is not the one the policy means');

    // The same text stored again resolves the ARN afresh: now it is the new user.
    await s3.send(new PutBucketPolicyCommand({ Bucket: B, Policy: text }));
    assert.equal(await read(second.client), 'report');
    assert.equal(await storedText(), text);
  });
});
