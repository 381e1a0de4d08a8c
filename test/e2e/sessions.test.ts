/**
 * What a temporary session may do, end to end with @aws-sdk/client-iam, -sts and -s3, set up the
 * way a user would (IAM API calls by the account root) and asserted as the user sees it:
 *
 * - E5 (policy-evaluation.md §9): a session policy narrows a role; a bucket policy naming the
 *   role does not widen it again, one naming the session does (§7.3); `PolicyArns` as session
 *   policies; a session policy never grants more than the role has (sts-iam.md §3).
 * - Role chaining: at most one hour (sts-iam.md §2.2).
 * - "Revoke active sessions": a Deny on `aws:TokenIssueTime` (sts-iam.md §3, §5.1 of the policy
 *   spec) refuses sessions issued before it and lets later ones through.
 * - A presigned URL signed with an AssumeRole session dies with the session. (The
 *   GetSessionToken variant, and "Request has expired" winning once the URL's own window is over
 *   too, are in sts.test.ts.)
 * - An access key made Inactive is refused at once by STS as well (S3 and IAM: iam.test.ts).
 * - The trust policy's refusal, for a user it does not name, even one whose own policy allows
 *   sts:AssumeRole, and for a role session (the basic case is in sts.test.ts).
 */
import {
  AttachRolePolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import {
  CreateBucketCommand,
  DeleteBucketPolicyCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutBucketPolicyCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient, type AssumeRoleCommandInput, type Credentials } from '@aws-sdk/client-sts';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertS3Error } from './assert-s3-error.ts';
import { startTestCoffer, type TestCoffer } from './harness.ts';
import { errorFields } from './raw-request.ts';

type Keys = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

const S3_FULL = 'arn:aws:iam::aws:policy/AmazonS3FullAccess';
const S3_READ = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

describe('temporary sessions: what they may do, and when they stop', () => {
  let t: TestCoffer;
  let acct: string;
  let iam: IAMClient;
  let dev: Keys;
  let devArn: string;
  const clients: Array<{ destroy(): void }> = [];

  /** Clients on the server's clock as it is now, no retries, so errors are seen as sent. */
  const clientConfig = (credentials: Keys) => ({
    endpoint: t.endpoint,
    region: 'us-east-1',
    credentials,
    maxAttempts: 1,
    systemClockOffset: t.clock.now() - Date.now(),
  });
  const sts = (credentials: Keys) => {
    const c = new STSClient(clientConfig(credentials));
    clients.push(c);
    return c;
  };
  const keysOf = (c: Credentials | undefined): Keys => ({ accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken! });
  const assume = async (caller: Keys, input: AssumeRoleCommandInput) => {
    const r = await sts(caller).send(new AssumeRoleCommand(input));
    return { keys: keysOf(r.Credentials), arn: r.AssumedRoleUser!.Arn!, expiration: r.Credentials!.Expiration!, packedPolicySize: r.PackedPolicySize };
  };
  const roleArn = (name: string) => `arn:aws:iam::${acct}:role/${name}`;
  const trusting = (principals: string | string[]) => policy({ Effect: 'Allow', Principal: { AWS: principals }, Action: 'sts:AssumeRole' });
  const createRole = async (name: string, trusted: string | string[], attached: string[] = [], maxSessionDuration?: number) => {
    await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trusting(trusted), ...(maxSessionDuration ? { MaxSessionDuration: maxSessionDuration } : {}) }));
    for (const arn of attached) await iam.send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn: arn }));
    return roleArn(name);
  };
  const createUser = async (name: string): Promise<{ keys: Keys; arn: string }> => {
    const user = (await iam.send(new CreateUserCommand({ UserName: name }))).User!;
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
    return { keys: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! }, arn: user.Arn! };
  };
  const read = async (keys: Keys, key: string) => {
    const got = await t.s3({ credentials: keys }).send(new GetObjectCommand({ Bucket: 'photos', Key: key }));
    assert.equal(got.$metadata.httpStatusCode, 200);
    return got.Body!.transformToString();
  };
  const put = (keys: Keys, key: string) => t.s3({ credentials: keys }).send(new PutObjectCommand({ Bucket: 'photos', Key: key, Body: 'new' }));
  const denied = (who: string, action: string, resource: string, why: string) => ({
    status: 403,
    code: 'AccessDenied',
    message: `User: ${who} is not authorized to perform: ${action}${resource ? ` on resource: "${resource}"` : ''} ${why}`,
  });

  async function assertStsError(promise: Promise<unknown>, expected: { status: number; code: string; message: string }): Promise<void> {
    await assert.rejects(promise, (e: { name?: string; message?: string; $metadata?: { httpStatusCode?: number } }) => {
      assert.equal(e.$metadata?.httpStatusCode, expected.status, `status of ${e.name}: ${e.message}`);
      assert.equal(e.name, expected.code, `code (message: ${e.message})`);
      assert.equal(e.message, expected.message);
      return true;
    });
  }

  before(async () => {
    t = await startTestCoffer();
    acct = t.coffer.account.accountId;
    iam = new IAMClient(clientConfig(t.credentials));
    clients.push(iam);
    // dev: the IAM user an application runs as; it has no S3 rights of its own, only roles to assume.
    ({ keys: dev, arn: devArn } = await createUser('dev'));
    const s3 = t.s3();
    await s3.send(new CreateBucketCommand({ Bucket: 'photos' }));
    await s3.send(new PutObjectCommand({ Bucket: 'photos', Key: 'public/a.jpg', Body: 'a' }));
    await s3.send(new PutObjectCommand({ Bucket: 'photos', Key: 'private/p.jpg', Body: 'p' }));
    await createRole('app', devArn, [S3_FULL]);
  });
  after(async () => {
    for (const c of clients) c.destroy();
    await t.stop();
  });

  describe('E5: session policies narrow a role', () => {
    const publicReadOnly = policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/public/*' });

    it('an inline Policy: GET in it 200, PUT 403 "no session policy allows"; a bucket policy for the role ARN does not help, one for the session ARN does', async () => {
      const job = await assume(dev, { RoleArn: roleArn('app'), RoleSessionName: 'job1', Policy: publicReadOnly });
      const sessionArn = `arn:aws:sts::${acct}:assumed-role/app/job1`;
      assert.equal(job.arn, sessionArn);
      assert.ok(job.packedPolicySize! > 0 && job.packedPolicySize! <= 100, `PackedPolicySize ${job.packedPolicySize}`);

      assert.equal(await read(job.keys, 'public/a.jpg'), 'a');
      const putDenied = denied(sessionArn, 's3:PutObject', 'arn:aws:s3:::photos/public/b.jpg', 'because no session policy allows the s3:PutObject action');
      await assertS3Error(put(job.keys, 'public/b.jpg'), putDenied);
      // Outside the session policy's resource, even a read is refused — the role alone would allow it.
      await assertS3Error(
        t.s3({ credentials: job.keys }).send(new GetObjectCommand({ Bucket: 'photos', Key: 'private/p.jpg' })),
        denied(sessionArn, 's3:GetObject', 'arn:aws:s3:::photos/private/p.jpg', 'because no session policy allows the s3:GetObject action'),
      );

      const s3 = t.s3();
      try {
        // A grant to the role ARN is still limited by the session policy's implicit deny (§7.3).
        await s3.send(
          new PutBucketPolicyCommand({
            Bucket: 'photos',
            Policy: policy({ Effect: 'Allow', Principal: { AWS: roleArn('app') }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::photos/public/*' }),
          }),
        );
        await assertS3Error(put(job.keys, 'public/b.jpg'), putDenied);
        // A grant to the session ARN is direct: the session policy does not limit it.
        await s3.send(
          new PutBucketPolicyCommand({
            Bucket: 'photos',
            Policy: policy({ Effect: 'Allow', Principal: { AWS: sessionArn }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::photos/public/*' }),
          }),
        );
        const stored = await put(job.keys, 'public/b.jpg');
        assert.equal(stored.$metadata.httpStatusCode, 200);
        assert.equal(await read(job.keys, 'public/b.jpg'), 'new');
        // Another session of the same role with the same session policy is not that principal.
        const other = await assume(dev, { RoleArn: roleArn('app'), RoleSessionName: 'job2', Policy: publicReadOnly });
        await assertS3Error(
          put(other.keys, 'public/c.jpg'),
          denied(`arn:aws:sts::${acct}:assumed-role/app/job2`, 's3:PutObject', 'arn:aws:s3:::photos/public/c.jpg', 'because no session policy allows the s3:PutObject action'),
        );
      } finally {
        await s3.send(new DeleteBucketPolicyCommand({ Bucket: 'photos' }));
      }
    });

    it('PolicyArns: a managed policy as the session policy, unioned with an inline Policy', async () => {
      const listAndRead = (
        await iam.send(
          new CreatePolicyCommand({
            PolicyName: 'photos-list-read',
            PolicyDocument: policy(
              { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::photos' },
              { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*' },
            ),
          }),
        )
      ).Policy!.Arn!;
      const viewer = await assume(dev, { RoleArn: roleArn('app'), RoleSessionName: 'viewer', PolicyArns: [{ arn: listAndRead }] });
      assert.ok(viewer.packedPolicySize! > 0);
      const s3 = t.s3({ credentials: viewer.keys });
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'photos', Prefix: 'p' }));
      assert.ok(listed.Contents?.some((o) => o.Key === 'private/p.jpg'));
      assert.equal(await read(viewer.keys, 'private/p.jpg'), 'p');
      await assertS3Error(
        put(viewer.keys, 'uploads/x.jpg'),
        denied(`arn:aws:sts::${acct}:assumed-role/app/viewer`, 's3:PutObject', 'arn:aws:s3:::photos/uploads/x.jpg', 'because no session policy allows the s3:PutObject action'),
      );

      // Inline Policy and PolicyArns together: either may allow (a union among session policies).
      const both = await assume(dev, {
        RoleArn: roleArn('app'),
        RoleSessionName: 'uploader',
        PolicyArns: [{ arn: listAndRead }],
        Policy: policy({ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::photos/uploads/*' }),
      });
      await put(both.keys, 'uploads/x.jpg');
      assert.equal(await read(both.keys, 'uploads/x.jpg'), 'new');
      await assertS3Error(
        put(both.keys, 'public/x.jpg'),
        denied(`arn:aws:sts::${acct}:assumed-role/app/uploader`, 's3:PutObject', 'arn:aws:s3:::photos/public/x.jpg', 'because no session policy allows the s3:PutObject action'),
      );
    });

    it('a session policy never grants more than the role has', async () => {
      await createRole('reader', devArn, [S3_READ]);
      const wide = await assume(dev, { RoleArn: roleArn('reader'), RoleSessionName: 'wide', Policy: policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) });
      assert.equal(await read(wide.keys, 'public/a.jpg'), 'a');
      await assertS3Error(
        put(wide.keys, 'public/w.jpg'),
        denied(`arn:aws:sts::${acct}:assumed-role/reader/wide`, 's3:PutObject', 'arn:aws:s3:::photos/public/w.jpg', 'because no identity-based policy allows the s3:PutObject action'),
      );
    });
  });

  describe('role chaining', () => {
    it('a role session may assume another role for up to 3600 s; 3601 is refused', async () => {
      // `next` allows 12-hour sessions and trusts both the role `app` and the user `dev`.
      const next = await createRole('next', [roleArn('app'), devArn], [S3_READ], 43200);
      const first = await assume(dev, { RoleArn: roleArn('app'), RoleSessionName: 'first' });
      const hour = await assume(first.keys, { RoleArn: next, RoleSessionName: 'chained', DurationSeconds: 3600 });
      assert.equal(hour.arn, `arn:aws:sts::${acct}:assumed-role/next/chained`);
      assert.ok(Math.abs(hour.expiration.getTime() - (t.clock.now() + 3600_000)) < 2000, `Expiration ${hour.expiration.toISOString()}`);
      assert.equal((await sts(hour.keys).send(new GetCallerIdentityCommand({}))).Arn, hour.arn);
      assert.equal(await read(hour.keys, 'public/a.jpg'), 'a');
      await assertStsError(sts(first.keys).send(new AssumeRoleCommand({ RoleArn: next, RoleSessionName: 'chained', DurationSeconds: 3601 })), {
        status: 400,
        code: 'ValidationError',
        message: 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
      });
      // The same request by the user itself (not chained) may have up to the role's 12 hours.
      const direct = await assume(dev, { RoleArn: next, RoleSessionName: 'direct', DurationSeconds: 3601 });
      assert.ok(Math.abs(direct.expiration.getTime() - (t.clock.now() + 3601_000)) < 2000, `Expiration ${direct.expiration.toISOString()}`);
    });
  });

  describe('revoking older sessions with aws:TokenIssueTime', () => {
    it('the console\'s "Revoke active sessions" Deny refuses sessions issued before it; later sessions work', async () => {
      await createRole('revocable', devArn, [S3_FULL]);
      const old = await assume(dev, { RoleArn: roleArn('revocable'), RoleSessionName: 'old' });
      assert.equal(await read(old.keys, 'public/a.jpg'), 'a');

      // What the IAM console's "Revoke active sessions" puts on the role (sts-iam.md §3).
      const offset = t.clock.now() - Date.now();
      t.clock.advance(3000);
      const revokedAt = new Date(t.clock.now()).toISOString();
      await iam.send(
        new PutRolePolicyCommand({
          RoleName: 'revocable',
          PolicyName: 'AWSRevokeOlderSessions',
          PolicyDocument: policy({ Effect: 'Deny', Action: ['*'], Resource: ['*'], Condition: { DateLessThan: { 'aws:TokenIssueTime': revokedAt } } }),
        }),
      );
      const oldArn = `arn:aws:sts::${acct}:assumed-role/revocable/old`;
      await assertS3Error(
        t.s3({ credentials: old.keys }).send(new GetObjectCommand({ Bucket: 'photos', Key: 'public/a.jpg' })),
        denied(oldArn, 's3:GetObject', 'arn:aws:s3:::photos/public/a.jpg', 'with an explicit deny in an identity-based policy'),
      );
      await assertS3Error(put(old.keys, 'public/old.jpg'), denied(oldArn, 's3:PutObject', 'arn:aws:s3:::photos/public/old.jpg', 'with an explicit deny in an identity-based policy'));
      // The session itself is still valid (it is a policy decision, not an authentication one).
      assert.equal((await sts(old.keys).send(new GetCallerIdentityCommand({}))).Arn, oldArn);

      // A session issued a few seconds later is not matched by the Deny.
      t.clock.advance(3000);
      const fresh = await assume(dev, { RoleArn: roleArn('revocable'), RoleSessionName: 'fresh' });
      assert.equal(await read(fresh.keys, 'public/a.jpg'), 'a');
      await put(fresh.keys, 'public/fresh.jpg');
      // And the old one stays refused.
      await assertS3Error(
        t.s3({ credentials: old.keys }).send(new GetObjectCommand({ Bucket: 'photos', Key: 'public/a.jpg' })),
        denied(oldArn, 's3:GetObject', 'arn:aws:s3:::photos/public/a.jpg', 'with an explicit deny in an identity-based policy'),
      );
      t.clock.set(Date.now() + offset);
    });
  });

  describe('a presigned URL signed with an AssumeRole session', () => {
    it('dies with the session — 400 ExpiredToken with Token-0 — though its X-Amz-Expires has not elapsed', async () => {
      const session = await assume(dev, { RoleArn: roleArn('app'), RoleSessionName: 'linker', DurationSeconds: 900 });
      const url = await getSignedUrl(t.s3({ credentials: session.keys }), new GetObjectCommand({ Bucket: 'photos', Key: 'public/a.jpg' }), { expiresIn: 3600 });
      assert.match(url, /X-Amz-Security-Token=/);
      assert.match(url, /X-Amz-Expires=3600/);
      const ok = await fetch(url);
      assert.equal(ok.status, 200);
      assert.equal(await ok.text(), 'a');

      const offset = t.clock.now() - Date.now();
      t.clock.set(session.expiration.getTime() - 1000);
      try {
        assert.equal((await fetch(url)).status, 200, 'one second before the session ends');
        t.clock.set(session.expiration.getTime());
        const res = await fetch(url);
        assert.equal(res.status, 400);
        assert.deepEqual(errorFields(await res.text()).slice(0, 3), [
          ['Code', 'ExpiredToken'],
          ['Message', 'The provided token has expired.'],
          ['Token-0', session.keys.sessionToken!],
        ]);
        await assertS3Error(t.s3({ credentials: session.keys }).send(new GetObjectCommand({ Bucket: 'photos', Key: 'public/a.jpg' })), {
          status: 400,
          code: 'ExpiredToken',
          message: 'The provided token has expired.',
          fields: { 'Token-0': session.keys.sessionToken! },
        });
        await assertStsError(sts(session.keys).send(new GetCallerIdentityCommand({})), {
          status: 403,
          code: 'ExpiredToken',
          message: 'The security token included in the request is expired',
        });
      } finally {
        t.clock.set(Date.now() + offset);
      }
    });
  });

  describe('an access key made Inactive', () => {
    it('is refused at once by S3 and by STS, and works again once Active', async () => {
      const { keys: ops } = await createUser('ops');
      await iam.send(new PutUserPolicyCommand({ UserName: 'ops', PolicyName: 'read', PolicyDocument: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) }));
      await createRole('ops-role', `arn:aws:iam::${acct}:user/ops`, [S3_READ]);
      assert.equal(await read(ops, 'public/a.jpg'), 'a');
      await assume(ops, { RoleArn: roleArn('ops-role'), RoleSessionName: 'ops' });

      await iam.send(new UpdateAccessKeyCommand({ UserName: 'ops', AccessKeyId: ops.accessKeyId, Status: 'Inactive' }));
      await assertS3Error(t.s3({ credentials: ops }).send(new GetObjectCommand({ Bucket: 'photos', Key: 'public/a.jpg' })), {
        status: 403,
        code: 'InvalidAccessKeyId',
        message: 'The AWS Access Key Id you provided does not exist in our records.',
        fields: { AWSAccessKeyId: ops.accessKeyId },
      });
      const invalid = { status: 403, code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.' };
      await assertStsError(sts(ops).send(new GetCallerIdentityCommand({})), invalid);
      await assertStsError(sts(ops).send(new AssumeRoleCommand({ RoleArn: roleArn('ops-role'), RoleSessionName: 'ops' })), invalid);

      await iam.send(new UpdateAccessKeyCommand({ UserName: 'ops', AccessKeyId: ops.accessKeyId, Status: 'Active' }));
      assert.equal(await read(ops, 'public/a.jpg'), 'a');
      assert.equal((await sts(ops).send(new GetCallerIdentityCommand({}))).Arn, `arn:aws:iam::${acct}:user/ops`);
    });
  });

  describe("the trust policy's refusal", () => {
    it('a user it does not name — even one whose own policy allows sts:AssumeRole — and a role session it does not name', async () => {
      const { keys: eve, arn: eveArn } = await createUser('eve');
      const onlyDev = await createRole('dev-only', devArn, [S3_READ]);
      const refused = (caller: string) => ({
        status: 403,
        code: 'AccessDenied',
        message: `User: ${caller} is not authorized to perform: sts:AssumeRole on resource: ${onlyDev}`,
      });
      await assertStsError(sts(eve).send(new AssumeRoleCommand({ RoleArn: onlyDev, RoleSessionName: 'eve' })), refused(eveArn));
      // Her own Allow is not enough: the trust policy names a user, not the account, so it must name her.
      await iam.send(new PutUserPolicyCommand({ UserName: 'eve', PolicyName: 'assume', PolicyDocument: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }) }));
      await assertStsError(sts(eve).send(new AssumeRoleCommand({ RoleArn: onlyDev, RoleSessionName: 'eve' })), refused(eveArn));
      // A role that does not exist answers the same.
      await assertStsError(sts(eve).send(new AssumeRoleCommand({ RoleArn: roleArn('no-such-role'), RoleSessionName: 'eve' })), {
        ...refused(eveArn),
        message: `User: ${eveArn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn('no-such-role')}`,
      });
      // A session of `app` (which dev-only does not trust) is named by its session ARN.
      const appSession = await assume(dev, { RoleArn: roleArn('app'), RoleSessionName: 'hop' });
      await assertStsError(
        sts(appSession.keys).send(new AssumeRoleCommand({ RoleArn: onlyDev, RoleSessionName: 'hop2' })),
        refused(`arn:aws:sts::${acct}:assumed-role/app/hop`),
      );
      // dev, whom it names, may.
      assert.equal((await assume(dev, { RoleArn: onlyDev, RoleSessionName: 'dev' })).arn, `arn:aws:sts::${acct}:assumed-role/dev-only/dev`);
    });
  });
});
