/**
 * Two accounts and an IAM user for the authorization scenarios: account A (the test server's
 * default account, owner of the buckets), account B (another customer), and alice, an IAM user
 * of A whose policies each test sets.
 */
import { IAMClient, PutUserPolicyCommand, DeleteUserPolicyCommand } from '@aws-sdk/client-iam';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Account } from '../../../src/auth/principal.ts';
import type { TestCoffer } from '../harness.ts';

export interface Cast {
  a: Account;
  b: Account;
  s3a: S3Client;
  s3b: S3Client;
  alice: { arn: string; credentials: { accessKeyId: string; secretAccessKey: string } };
  s3alice: S3Client;
  iam: IAMClient;
  /** Replace alice's one inline policy (or remove it with undefined). */
  setAlicePolicy(statements: unknown[] | undefined): Promise<void>;
}

export async function castOf(t: TestCoffer): Promise<Cast> {
  const a = t.coffer.account;
  const b = await t.coffer.identity.createAccount({ displayName: 'other-company', email: 'b@example.com' });
  const bKey = await t.coffer.identity.createAccessKey({ accountId: b.accountId });
  const iam = new IAMClient({ endpoint: t.endpoint, region: 'us-east-1', credentials: t.credentials, maxAttempts: 1 });
  const user = await t.coffer.identity.iam.users.create({ accountId: a.accountId, userName: 'alice', path: '/' });
  const key = await t.coffer.identity.iam.accessKeys.create(a.accountId, 'alice');
  const aliceCreds = { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
  let hasPolicy = false;
  return {
    a,
    b,
    s3a: t.s3(),
    s3b: t.s3({ credentials: { accessKeyId: bKey.accessKeyId, secretAccessKey: bKey.secretAccessKey } }),
    alice: { arn: user.arn, credentials: aliceCreds },
    s3alice: t.s3({ credentials: aliceCreds }),
    iam,
    async setAlicePolicy(statements) {
      if (statements === undefined) {
        if (hasPolicy) await iam.send(new DeleteUserPolicyCommand({ UserName: 'alice', PolicyName: 'test' }));
        hasPolicy = false;
        return;
      }
      await iam.send(
        new PutUserPolicyCommand({ UserName: 'alice', PolicyName: 'test', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: statements }) }),
      );
      hasPolicy = true;
    },
  };
}

export const policy = (statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
